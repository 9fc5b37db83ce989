package org.openst.directory.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.openst.directory.api.Authentication.Reason;

/**
 * {@code openst:user} against a real embedded directory whose polling is off (reload interval 0):
 * what the command changes is seen at once only because the command has the file re-read.
 */
class UsersCommandTest {

    @TempDir
    Path home;

    private Path file;
    private EmbeddedDirectory directory;
    private UsersCommand command;

    @BeforeEach
    void start() throws IOException {
        file = Files.createDirectories(home.resolve("conf")).resolve("users.conf");
        Files.write(file, List.of("# the demo file", TestUsers.line("alice", "alice-pw", "Alice Example", "Demo user")),
                StandardCharsets.UTF_8);
        directory = new EmbeddedDirectory(home, TestUsers.config("${openst.home}/conf/users.conf", 0));
        command = new UsersCommand(directory, TestUsers.ITERATIONS);
    }

    @AfterEach
    void stop() {
        directory.deactivate();
    }

    @Test
    void anAddedUserLogsInAtOnceAndTheFileHoldsNoPassword() throws IOException {
        String out = command.user("add", "dave", "dave-pw", "Dave Jones", "Sales");
        assertEquals("added dave (Dave Jones) in " + file + "; dave can log in now", out);
        Authentication a = directory.authenticate("dave", "dave-pw");
        assertEquals("Dave Jones", assertInstanceOf(Authentication.Success.class, a).user().displayName());
        String text = Files.readString(file);
        assertFalse(text.contains("dave-pw"), text);
        assertTrue(text.startsWith("# the demo file\nalice\t"), "other lines kept: " + text);
    }

    @Test
    void addingAnExistingUserIsRefusedUnlessReplaced() {
        var e = assertThrows(IllegalArgumentException.class, () -> command.user("add", "ALICE", "new-pw", "Alice"));
        assertEquals("user ALICE exists; add --replace to give it a new password and names", e.getMessage());
        assertInstanceOf(Authentication.Success.class, directory.authenticate("alice", "alice-pw"), "unchanged");

        String out = command.user("add", "--replace", "alice", "new-pw", "Alice Again");
        assertTrue(out.startsWith("replaced alice (Alice Again) in "), out);
        assertInstanceOf(Authentication.Success.class, directory.authenticate("alice", "new-pw"));
        assertEquals(Reason.WRONG_PASSWORD,
                assertInstanceOf(Authentication.Refused.class, directory.authenticate("alice", "alice-pw")).reason());
    }

    @Test
    void aRemovedUserCannotLogInAtOnce() {
        String out = command.user("remove", "alice");
        assertEquals("removed alice from " + file + "; new logins are refused, logins made before stay up", out);
        assertEquals(Reason.UNKNOWN_USER,
                assertInstanceOf(Authentication.Refused.class, directory.authenticate("alice", "alice-pw")).reason());
    }

    @Test
    void removingAnUnknownUserSaysSo() {
        var e = assertThrows(IllegalArgumentException.class, () -> command.user("remove", "nobody"));
        assertEquals("no user nobody in " + file, e.getMessage());
    }

    @Test
    void listShowsAnAlignedTableAndBadLines() throws IOException {
        command.user("add", "bob", "bob-pw", "Bob");
        Files.writeString(file, Files.readString(file) + "broken line\n", StandardCharsets.UTF_8);
        String[] lines = command.user("list").split("\n");
        assertEquals("user ID  display name   state    description", lines[0]);
        assertEquals("alice    Alice Example  enabled  Demo user", lines[1]);
        assertEquals("bob      Bob            enabled", lines[2]);
        assertTrue(lines[3].startsWith(file + ":4: expected userId<TAB>"), lines[3]);
        assertTrue(lines[3].endsWith("(line skipped)"), lines[3]);
        assertEquals("2 users in " + file, lines[4]);
    }

    @Test
    void badInputIsRefusedInOneLine() {
        assertEquals(UsersCommand.USAGE, assertThrows(IllegalArgumentException.class, () -> command.user()).getMessage());
        assertEquals(UsersCommand.USAGE,
                assertThrows(IllegalArgumentException.class, () -> command.user("add", "erin", "pw")).getMessage());
        assertEquals("user ID 'er in' contains a blank or control character",
                assertThrows(IllegalArgumentException.class, () -> command.user("add", "er in", "pw", "Erin")).getMessage());
        assertEquals("empty password refused",
                assertThrows(IllegalArgumentException.class, () -> command.user("add", "erin", "", "Erin")).getMessage());
        assertEquals("empty display name",
                assertThrows(IllegalArgumentException.class, () -> command.user("add", "erin", "pw", " ")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> command.user("rename", "x")).getMessage()
                .startsWith("unknown subcommand 'rename'; usage: "));
    }
}
