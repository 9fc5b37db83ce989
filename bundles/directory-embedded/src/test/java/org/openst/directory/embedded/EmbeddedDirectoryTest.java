package org.openst.directory.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openst.directory.api.Authentication;
import org.openst.directory.api.Authentication.Reason;
import org.openst.directory.api.DirectoryUser;

class EmbeddedDirectoryTest {

    @TempDir
    Path home;

    private EmbeddedDirectory directory;

    @AfterEach
    void deactivate() {
        if (directory != null) {
            directory.deactivate();
        }
    }

    private Path usersFile(String... lines) throws IOException {
        Path conf = Files.createDirectories(home.resolve("conf"));
        return write(conf.resolve("users.conf"), lines);
    }

    /** Replaces the file by rename, as the tool does. */
    private static Path write(Path file, String... lines) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, List.of(lines), StandardCharsets.UTF_8);
        return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private EmbeddedDirectory start(long reloadMs) {
        directory = new EmbeddedDirectory(home, TestUsers.config("${openst.home}/conf/users.conf", reloadMs));
        return directory;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(5).toNanos()); // polling the reload, no event to wait on
        }
    }

    @Test
    void loginMatchesTheUserIdIgnoringCaseAndReturnsTheCanonicalId() throws IOException {
        usersFile(TestUsers.line("Alice", "alice-pw", "Alice Example", "QA"));
        Authentication a = start(0).authenticate("aLiCe", "alice-pw");
        assertEquals(new Authentication.Success(new DirectoryUser("Alice", "Alice Example", "QA")), a);
    }

    @Test
    void wrongPasswordUnknownUserAndDisabledAreRefused() throws IOException {
        usersFile(TestUsers.line("alice", "alice-pw", "Alice", null), "dave\t!" + TestUsers.hash("dave-pw") + "\tDave");
        EmbeddedDirectory d = start(0);
        assertEquals(new Authentication.Refused(Reason.WRONG_PASSWORD), d.authenticate("alice", "Alice-pw"));
        assertEquals(new Authentication.Refused(Reason.WRONG_PASSWORD), d.authenticate("alice", ""));
        assertEquals(new Authentication.Refused(Reason.WRONG_PASSWORD), d.authenticate("alice", null));
        assertEquals(new Authentication.Refused(Reason.UNKNOWN_USER), d.authenticate("mallory", "alice-pw"));
        assertEquals(new Authentication.Refused(Reason.UNKNOWN_USER), d.authenticate(null, "x"));
        assertEquals(new Authentication.Refused(Reason.DISABLED), d.authenticate("dave", "dave-pw"));
        assertEquals(new Authentication.Refused(Reason.WRONG_PASSWORD), d.authenticate("dave", "nope"));
        assertTrue(d.findUser("dave").isEmpty());
    }

    @Test
    void missingFileMeansUnavailableNotRefused() {
        EmbeddedDirectory d = start(0);
        assertInstanceOf(Authentication.Unavailable.class, d.authenticate("alice", "alice-pw"));
        assertEquals(List.of(), d.resolve("alice", 5));
        assertTrue(d.findUser("alice").isEmpty());
        assertTrue(d.describe().contains("unreadable"), d.describe());
    }

    @Test
    void changesArePickedUpWithoutRestart() throws Exception {
        Path file = usersFile(TestUsers.line("alice", "alice-pw", "Alice", null));
        EmbeddedDirectory d = start(50);
        assertInstanceOf(Authentication.Success.class, d.authenticate("alice", "alice-pw"));

        write(file, TestUsers.line("alice", "new-pw", "Alice Renamed", null), TestUsers.line("bob", "bob-pw", "Bob", null));
        await(() -> d.authenticate("bob", "bob-pw") instanceof Authentication.Success, "bob to appear");
        assertEquals(new Authentication.Refused(Reason.WRONG_PASSWORD), d.authenticate("alice", "alice-pw"));
        assertEquals("Alice Renamed", d.findUser("alice").orElseThrow().displayName());
    }

    @Test
    void inPlaceEditIsPickedUpToo() throws Exception {
        Path file = usersFile(TestUsers.line("alice", "alice-pw", "Alice", null));
        EmbeddedDirectory d = start(50);
        Files.writeString(file, TestUsers.line("bob", "bob-pw", "Bob", null) + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        await(() -> d.findUser("bob").isPresent(), "bob to appear");
        assertTrue(d.findUser("alice").isPresent());
    }

    @Test
    void deletedFileKeepsThePreviousUsers() throws Exception {
        Path file = usersFile(TestUsers.line("alice", "alice-pw", "Alice", null));
        UsersFileStore store = new UsersFileStore(file);
        store.start(Duration.ZERO);
        Files.delete(file);
        assertEquals(false, store.reloadIfChanged());
        assertEquals(1, store.snapshot().size());
        // ...and a file that comes back is read again.
        usersFile(TestUsers.line("bob", "bob-pw", "Bob", null));
        assertTrue(store.reloadIfChanged());
        assertTrue(store.snapshot().findEnabled("bob").isPresent());
        store.close();
    }

    @Test
    void invalidUtf8KeepsThePreviousUsers() throws Exception {
        Path file = usersFile(TestUsers.line("alice", "alice-pw", "Alice", null));
        UsersFileStore store = new UsersFileStore(file);
        store.start(Duration.ZERO);
        Files.write(file, new byte[] { 'b', 'o', 'b', '\t', (byte) 0xC3, (byte) 0x28, '\n' });
        assertEquals(false, store.reloadIfChanged());
        assertTrue(store.snapshot().findEnabled("alice").isPresent());
        store.close();
    }

    @Test
    void badLinesAreSkipped() throws IOException {
        usersFile("garbage", TestUsers.line("alice", "alice-pw", "Alice", null));
        assertInstanceOf(Authentication.Success.class, start(0).authenticate("alice", "alice-pw"));
    }

    @Test
    void resolveFollowsTheSpiOrder() throws IOException {
        usersFile(TestUsers.line("bo", "pw", "Zed", null), TestUsers.line("zz", "pw", "Bo", null),
                TestUsers.line("bob", "pw", "Bob Builder", null));
        assertEquals(List.of("bo", "zz", "bob"), start(0).resolve("BO", 10).stream().map(DirectoryUser::userId).toList());
    }

    @Test
    void modifiedConfigurationSwitchesFiles() throws Exception {
        usersFile(TestUsers.line("alice", "alice-pw", "Alice", null));
        Path other = write(home.resolve("other.conf"), TestUsers.line("bob", "bob-pw", "Bob", null));
        EmbeddedDirectory d = start(0);
        d.modified(TestUsers.config("other.conf", 0));
        assertTrue(d.findUser("bob").isPresent());
        assertTrue(d.findUser("alice").isEmpty());
        assertTrue(d.describe().contains(other.toString()), d.describe());
    }

    @Test
    void filePathSubstitutesHomeAndResolvesRelativePaths() {
        Path h = Path.of("/srv/openst");
        assertEquals(Path.of("/srv/openst/conf/users.conf"), EmbeddedDirectory.resolveFile(h, "${openst.home}/conf/users.conf"));
        assertEquals(Path.of("/srv/openst/conf/users.conf"), EmbeddedDirectory.resolveFile(h, "conf/users.conf"));
        assertEquals(Path.of("/etc/users.conf"), EmbeddedDirectory.resolveFile(h, "/etc/users.conf"));
        assertEquals(Path.of("/srv/openst/conf/users.conf"), EmbeddedDirectory.resolveFile(h, ""));
    }

    @Test
    void homeComesFromTheFrameworkPropertyThenTheSystemPropertyThenTheWorkingDirectory() {
        assertEquals(Path.of("/srv/openst"), EmbeddedDirectory.home("/srv/openst"));
        String old = System.getProperty("openst.home");
        try {
            System.setProperty("openst.home", "/opt/x");
            assertEquals(Path.of("/opt/x"), EmbeddedDirectory.home(null));
            System.clearProperty("openst.home");
            assertEquals(Path.of(".").toAbsolutePath().normalize(), EmbeddedDirectory.home(""));
        } finally {
            if (old == null) {
                System.clearProperty("openst.home");
            } else {
                System.setProperty("openst.home", old);
            }
        }
    }
}
