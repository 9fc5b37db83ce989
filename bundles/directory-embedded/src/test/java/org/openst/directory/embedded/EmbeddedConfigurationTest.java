package org.openst.directory.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openst.directory.api.Authentication;
import org.openst.support.testing.LogCapture;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/**
 * PID org.openst.directory.embedded: a bad value, or a change to a users file that is not there,
 * is refused with a line naming PID and key, and the users of the old file stay.
 */
class EmbeddedConfigurationTest {
    @TempDir
    Path home;

    private EmbeddedDirectory directory;
    /** This module's logback-test.xml turns logging off; the refusals are what this test reads. */
    private final Logger logger = (Logger) LoggerFactory.getLogger(EmbeddedDirectory.class);
    private Level oldLevel;

    @BeforeEach
    void logErrors() {
        oldLevel = logger.getLevel();
        logger.setLevel(Level.ERROR);
    }

    @AfterEach
    void deactivate() {
        logger.setLevel(oldLevel);
        if (directory != null) {
            directory.deactivate();
        }
    }

    private Path file(String name, String... lines) throws IOException {
        Path conf = Files.createDirectories(home.resolve("conf"));
        return Files.write(conf.resolve(name), List.of(lines), StandardCharsets.UTF_8);
    }

    @Test
    void aBadChangeIsRefusedAndTheOldUsersStay() throws IOException {
        file("users.conf", TestUsers.line("alice", "alice-pw", "Alice", null));
        file("other.conf", TestUsers.line("bob", "bob-pw", "Bob", null));
        directory = new EmbeddedDirectory(home, TestUsers.config("${openst.home}/conf/users.conf", 0));
        try (LogCapture log = new LogCapture(EmbeddedDirectory.class)) {
            directory.modified(TestUsers.config("${openst.home}/conf/missing.conf", 0));
            assertTrue(log.has(Level.ERROR, "org.openst.directory.embedded", "file names no file: ",
                    "missing.conf", "previous configuration stays"), log.messages(Level.ERROR).toString());
            directory.modified(TestUsers.config("${openst.home}/conf/users.conf", "conf/nogroups.conf", 0));
            assertTrue(log.has(Level.ERROR, "org.openst.directory.embedded", "groups.file names no file: "),
                    log.messages(Level.ERROR).toString());
            directory.modified(TestUsers.config("${openst.home}/conf/other.conf", -1));
            assertTrue(log.has(Level.ERROR, "org.openst.directory.embedded",
                    "reload.interval.ms must be at least 0, not -1"), log.messages(Level.ERROR).toString());
            assertEquals(3, log.messages(Level.ERROR).size());
        }
        assertInstanceOf(Authentication.Success.class, directory.authenticate("alice", "alice-pw"));

        directory.modified(TestUsers.config("conf/other.conf", 0)); // a good change applies at once
        assertInstanceOf(Authentication.Success.class, directory.authenticate("bob", "bob-pw"));
        assertInstanceOf(Authentication.Refused.class, directory.authenticate("alice", "alice-pw"));
    }

    @Test
    void aBadValueAtActivationStartsOnTheDefaults() throws IOException {
        file("users.conf", TestUsers.line("alice", "alice-pw", "Alice", null));
        try (LogCapture log = new LogCapture(EmbeddedDirectory.class)) {
            directory = new EmbeddedDirectory(home, TestUsers.config("conf/elsewhere.conf", -5));
            assertTrue(log.has(Level.ERROR, "org.openst.directory.embedded", "reload.interval.ms must be at least 0",
                    "built-in defaults"), log.messages(Level.ERROR).toString());
        }
        assertInstanceOf(Authentication.Success.class, directory.authenticate("alice", "alice-pw"));
    }
}
