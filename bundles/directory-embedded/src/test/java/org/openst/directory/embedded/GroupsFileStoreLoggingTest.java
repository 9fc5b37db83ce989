package org.openst.directory.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Administrators learn about each bad group line and each unknown member, with file and line. */
class GroupsFileStoreLoggingTest {

    @TempDir
    Path dir;

    private final Logger logger = (Logger) LoggerFactory.getLogger(GroupsFileStore.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level oldLevel;

    @BeforeEach
    void attach() {
        oldLevel = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
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

    private static UserSnapshot users(String... ids) {
        return new UserSnapshot(java.util.Arrays.stream(ids)
                .map(id -> UsersFileFormat.parseLine(TestUsers.line(id, "pw", id, null))).toList());
    }

    @Test
    void badLinesAndUnknownMembersAreWarnedOnce() throws Exception {
        Path file = dir.resolve("groups.conf");
        Files.write(file, List.of("# groups", "friends Friends alice", "friends\tFriends\talice,ghost,bob", "x\ty"),
                StandardCharsets.UTF_8);
        UserSnapshot known = users("alice", "bob");
        try (GroupsFileStore store = new GroupsFileStore(file, () -> known)) {
            store.start(Duration.ZERO);
            store.reloadIfChanged(); // unchanged: nothing more is logged
            List<String> warnings = messages(Level.WARN);
            assertEquals(3, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith(file + ":2: "), warnings.get(0));
            assertTrue(warnings.get(1).startsWith(file + ":4: "), warnings.get(1));
            assertEquals(file + ": group 'friends' lists unknown or disabled users [ghost]; they are left out of the group",
                    warnings.get(2));
            assertEquals(List.of("Loaded 1 groups from " + file + " (2 bad lines skipped)"), messages(Level.INFO));
            assertEquals(1, store.snapshot().size());
        }
    }

    @Test
    void aMissingFileIsNoErrorAndIsReportedOnce() throws Exception {
        Path file = dir.resolve("groups.conf");
        try (GroupsFileStore store = new GroupsFileStore(file, () -> null)) {
            store.start(Duration.ZERO);
            store.reloadIfChanged();
            assertEquals(List.of("Groups file " + file + " is missing; no public groups"), messages(Level.INFO));
            assertEquals(List.of(), messages(Level.ERROR));
            assertEquals(0, store.snapshot().size());
        }
    }

    @Test
    void anInvalidFileKeepsTheGroupsReadBefore() throws Exception {
        Path file = dir.resolve("groups.conf");
        Files.write(file, List.of("friends\tFriends\talice"), StandardCharsets.UTF_8);
        try (GroupsFileStore store = new GroupsFileStore(file, () -> null)) {
            store.start(Duration.ZERO);
            Files.write(file, new byte[] { 'g', '\t', (byte) 0xC3, (byte) 0x28, '\n' });
            store.reloadIfChanged();
            store.reloadIfChanged();
            assertEquals(List.of("Groups file " + file + " is not valid UTF-8; keeping the 1 groups read before"),
                    messages(Level.ERROR));
            assertTrue(store.snapshot().entry("friends").isPresent());
        }
    }
}
