package org.openst.directory.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsersFileToolTest {

    @TempDir
    Path dir;

    private String stdout;
    private String stderr;

    private int run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new UsersFileTool(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), null)
                .run(args);
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
        return status;
    }

    private UsersFileFormat.Result parse(Path file) throws IOException {
        return UsersFileFormat.parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    @Test
    void addCreatesTheFileWithItsHeader() throws IOException {
        Path file = dir.resolve("conf/users.conf");
        assertEquals(0, run("alice-pw\n", "--file", file.toString(), "add", "--iterations", "1000", "alice", "Alice Example"), stderr);
        assertTrue(stdout.contains("added alice"), stdout);
        assertTrue(Files.readString(file).startsWith(UsersFileFormat.HEADER));
        UsersFileFormat.Result r = parse(file);
        assertEquals(List.of(), r.problems());
        UserEntry alice = r.entries().get(0);
        assertEquals("alice", alice.userId());
        assertEquals("Alice Example", alice.displayName());
        assertEquals(1000, alice.password().iterations());
        assertTrue(alice.password().matches("alice-pw"));
        assertFalse(Files.readString(file).contains("alice-pw"), "no plain password in the file");
    }

    @Test
    void addReplacesTheSameUserIgnoringCaseAndKeepsEverythingElse() throws IOException {
        Path file = dir.resolve("users.conf");
        Files.write(file, List.of("# my comment", TestUsers.line("bob", "bob-pw", "Bob", null), "",
                TestUsers.line("Alice", "old", "Old Alice", "old desc"), "broken line", "# trailing comment"));
        assertEquals(0, run("new-pw", "--file", file.toString(), "--iterations", "1000", "add", "ALICE", "New Alice", "new desc"), stderr);
        assertTrue(stdout.contains("replaced ALICE"), stdout);
        List<String> lines = Files.readAllLines(file);
        assertEquals(6, lines.size(), lines.toString());
        assertEquals("# my comment", lines.get(0));
        assertTrue(lines.get(3).startsWith("ALICE\tpbkdf2-sha256$1000$"), lines.get(3));
        assertTrue(lines.get(3).endsWith("\tNew Alice\tnew desc"), lines.get(3));
        assertEquals("broken line", lines.get(4));
        UserEntry alice = UsersFileFormat.parseLine(lines.get(3));
        assertTrue(alice.password().matches("new-pw"));
    }

    @Test
    void addKeepsFilePermissions() throws IOException {
        Path file = dir.resolve("users.conf");
        Files.write(file, List.of(TestUsers.line("bob", "bob-pw", "Bob", null)));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertEquals(0, run("pw", "--file", file.toString(), "--iterations", "1000", "add", "carol", "Carol"), stderr);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of(), Files.list(dir).filter(p -> p.getFileName().toString().contains(".tmp")).toList());
    }

    @Test
    void addRefusesBadInput() throws IOException {
        Path file = dir.resolve("users.conf");
        String f = file.toString();
        assertEquals(1, run("pw", "--file", f, "add", "al ice", "Alice"));
        assertTrue(stderr.contains("blank"), stderr);
        assertEquals(1, run("pw", "--file", f, "add", "a#b", "A"));
        assertEquals(1, run("pw", "--file", f, "add", "a::b", "A"));
        assertEquals(1, run("pw", "--file", f, "add", "alice", "  "));
        assertEquals(1, run("pw", "--file", f, "add", "alice", "Tab\there"));
        assertEquals(1, run("", "--file", f, "add", "alice", "Alice"));
        assertTrue(stderr.contains("empty password"), stderr);
        assertFalse(Files.exists(file));
    }

    @Test
    void removeDeletesTheEntry() throws IOException {
        Path file = dir.resolve("users.conf");
        Files.write(file, List.of("# c", TestUsers.line("bob", "bob-pw", "Bob", null), TestUsers.line("alice", "pw", "Alice", null)));
        assertEquals(0, run("", "--file", file.toString(), "remove", "BOB"), stderr);
        UsersFileFormat.Result r = parse(file);
        assertEquals(List.of("alice"), r.entries().stream().map(UserEntry::userId).toList());
        assertEquals("# c", Files.readAllLines(file).get(0));
        assertEquals(1, run("", "--file", file.toString(), "remove", "bob"));
        assertTrue(stderr.contains("no user bob"), stderr);
    }

    @Test
    void hashPrintsAHashForThePasswordOnStdin() {
        assertEquals(0, run("s3cret\n", "hash", "--iterations", "1000"), stderr);
        PasswordHash h = PasswordHash.parse(stdout.strip());
        assertEquals(1000, h.iterations());
        assertTrue(h.matches("s3cret"));
    }

    @Test
    void hashUsesTheDefaultCost() {
        assertEquals(0, run("pw", "hash", "--password-stdin"), stderr);
        assertEquals(PasswordHash.DEFAULT_ITERATIONS, PasswordHash.parse(stdout.strip()).iterations());
    }

    @Test
    void checkAndListReportBadLines() throws IOException {
        Path file = dir.resolve("users.conf");
        Files.write(file, List.of(TestUsers.line("bob", "pw", "Bob", "builder"), "oops", "dave\t!" + TestUsers.hash("pw") + "\tDave"));
        assertEquals(1, run("", "--file", file.toString(), "check"));
        assertTrue(stderr.contains(file + ":2: "), stderr);
        assertTrue(stdout.contains("2 users, 1 bad lines"), stdout);
        assertEquals(0, run("", "--file", file.toString(), "list"));
        assertEquals("bob\tBob\tbuilder\ndave\tDave\t\t(disabled)\n", stdout);
    }

    @Test
    void usageErrors() {
        assertEquals(2, run(""));
        assertEquals(2, run("", "frobnicate"));
        assertEquals(2, run("", "add", "onlyid"));
        assertEquals(2, run("", "--file"));
        assertEquals(2, run("", "hash", "--iterations", "0"));
        assertEquals(2, run("", "--bogus", "list"));
        assertTrue(stderr.contains("usage:"), stderr);
        assertEquals(0, run("", "--help"));
    }

    @Test
    void defaultFileFollowsOpenstHome() {
        String old = System.getProperty("openst.home");
        try {
            System.setProperty("openst.home", "/srv/openst");
            assertEquals(Path.of("/srv/openst/conf/users.conf"), UsersFileTool.defaultFile());
        } finally {
            if (old == null) {
                System.clearProperty("openst.home");
            } else {
                System.setProperty("openst.home", old);
            }
        }
    }
}
