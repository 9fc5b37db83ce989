package org.openst.directory.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** Administrators learn about each bad line exactly once, with the file and line number. */
class UsersFileStoreLoggingTest {

    @TempDir
    Path dir;

    private final Logger logger = (Logger) LoggerFactory.getLogger(UsersFileStore.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private Level oldLevel;

    @BeforeEach
    void attach() {
        oldLevel = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.setAdditive(false); // into the list only, not onto the console
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(appender);
        logger.setLevel(oldLevel);
        logger.setAdditive(true);
    }

    private List<String> messages(Level level) {
        return appender.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void oneLinePerBadLine() throws Exception {
        Path file = dir.resolve("users.conf");
        Files.write(file, List.of("# users", "alice bad", TestUsers.line("bob", "pw", "Bob", null), "x\ty\tz"),
                StandardCharsets.UTF_8);
        try (UsersFileStore store = new UsersFileStore(file)) {
            store.start(Duration.ZERO);
            store.reloadIfChanged(); // unchanged: nothing more is logged
            List<String> warnings = messages(Level.WARN);
            assertEquals(2, warnings.size(), warnings.toString());
            assertEquals(true, warnings.get(0).startsWith(file + ":2: "), warnings.get(0));
            assertEquals(true, warnings.get(1).startsWith(file + ":4: "), warnings.get(1));
            assertEquals(List.of("Loaded 1 users from " + file + " (2 bad lines skipped)"), messages(Level.INFO));
        }
    }

    @Test
    void aLastingFailureIsLoggedOnce() throws Exception {
        Path file = dir.resolve("users.conf");
        Files.write(file, List.of(TestUsers.line("bob", "pw", "Bob", null)), StandardCharsets.UTF_8);
        try (UsersFileStore store = new UsersFileStore(file)) {
            store.start(Duration.ZERO);
            Files.delete(file);
            store.reloadIfChanged();
            store.reloadIfChanged();
            store.reloadIfChanged();
            assertEquals(List.of("Users file " + file + " is missing; keeping the 1 users read before"), messages(Level.ERROR));
        }
    }
}
