package org.openst.directory.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class UsersFileFormatTest {

    private static UsersFileFormat.Result parse(String... lines) {
        return UsersFileFormat.parse(List.of(lines));
    }

    private static String onlyProblem(String line) {
        UsersFileFormat.Result r = parse(line);
        assertEquals(List.of(), r.entries(), "entries");
        assertEquals(1, r.problems().size(), "problems");
        assertEquals(1, r.problems().get(0).line());
        return r.problems().get(0).message();
    }

    @Test
    void goodLinesCommentsAndBlanks() {
        String h = TestUsers.hash("pw");
        UsersFileFormat.Result r = parse(
                "# a comment",
                "",
                "   ",
                "  # indented comment",
                "alice\t" + h + "\tAlice Example",
                "bob\t\t" + h + "\t\tBob | Builder #1: the \"boss\"\tLikes ::colons:: and # signs",
                " carol \t " + h + " \t Carol Singer \t ");
        assertEquals(List.of(), r.problems());
        assertEquals(3, r.entries().size());
        UserEntry alice = r.entries().get(0);
        assertEquals("alice", alice.userId());
        assertEquals("Alice Example", alice.displayName());
        assertEquals("", alice.description());
        assertFalse(alice.disabled());
        assertTrue(alice.password().matches("pw"));
        UserEntry bob = r.entries().get(1);
        assertEquals("Bob | Builder #1: the \"boss\"", bob.displayName());
        assertEquals("Likes ::colons:: and # signs", bob.description());
        UserEntry carol = r.entries().get(2);
        assertEquals("carol", carol.userId());
        assertEquals("Carol Singer", carol.displayName());
        assertEquals("", carol.description());
    }

    @Test
    void byteOrderMarkIsIgnored() {
        UsersFileFormat.Result r = parse("\uFEFFalice\t" + TestUsers.hash("pw") + "\tAlice");
        assertEquals(List.of(), r.problems());
        assertEquals("alice", r.entries().get(0).userId());
    }

    @Test
    void bangBeforeTheHashDisablesTheAccount() {
        UserEntry e = parse("dave\t!" + TestUsers.hash("pw") + "\tDave").entries().get(0);
        assertTrue(e.disabled());
        assertTrue(e.password().matches("pw"));
    }

    @Test
    void lineRoundTrips() {
        String line = TestUsers.line("erin", "pw", "Erin E.", "desc");
        assertEquals(line, UsersFileFormat.parseLine(line).toLine());
    }

    @Test
    void spacesInsteadOfTabsAreExplained() {
        assertTrue(onlyProblem("alice " + TestUsers.hash("pw") + " Alice").contains("separated by tabs, not spaces"));
    }

    @Test
    void tooFewFields() {
        assertTrue(onlyProblem("alice\t" + TestUsers.hash("pw")).contains("found 2 fields"));
    }

    @Test
    void tooManyFields() {
        assertTrue(onlyProblem(TestUsers.line("alice", "pw", "Alice", "d") + "\textra").contains("too many"));
    }

    @Test
    void userIdWithBlank() {
        assertTrue(onlyProblem(TestUsers.line("al ice", "pw", "Alice", null)).contains("blank"));
    }

    @Test
    void userIdWithHash() {
        assertTrue(onlyProblem(TestUsers.line("al#ice", "pw", "Alice", null)).contains("'#'"));
    }

    @Test
    void userIdWithDoubleColon() {
        assertTrue(onlyProblem(TestUsers.line("al::ice", "pw", "Alice", null)).contains("'::'"));
    }

    @Test
    void singleColonIsAllowedInUserIds() {
        assertEquals(List.of(), parse(TestUsers.line("cn:alice", "pw", "Alice", null)).problems());
    }

    @Test
    void plainPasswordIsRefused() {
        assertTrue(onlyProblem("alice\talice-pw\tAlice").contains("pbkdf2-sha256$"));
    }

    @Test
    void badHash() {
        assertTrue(onlyProblem("alice\tpbkdf2-sha256$x$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA\tAlice").contains("not a number"));
    }

    @Test
    void controlCharacterInDisplayName() {
        assertTrue(onlyProblem(TestUsers.line("alice", "pw", "Ali\u0007ce", null)).contains("control character"));
    }

    @Test
    void duplicateIgnoringCaseKeepsTheFirst() {
        UsersFileFormat.Result r = parse(TestUsers.line("alice", "one", "First", null), "# c",
                TestUsers.line("ALICE", "two", "Second", null));
        assertEquals(1, r.entries().size());
        assertEquals("First", r.entries().get(0).displayName());
        assertEquals(1, r.problems().size());
        assertEquals(3, r.problems().get(0).line());
        assertTrue(r.problems().get(0).message().contains("first defined on line 1"));
    }

    @Test
    void badLinesAreSkippedAndGoodOnesKept() {
        UsersFileFormat.Result r = parse(TestUsers.line("alice", "pw", "Alice", null), "garbage",
                TestUsers.line("bob", "pw", "Bob", null), "x\ty\tz");
        assertEquals(List.of("alice", "bob"), r.entries().stream().map(UserEntry::userId).toList());
        assertEquals(List.of(2, 4), r.problems().stream().map(UsersFileFormat.Problem::line).toList());
    }

    @Test
    void problemNamesFileAndLine() {
        assertEquals("conf/users.conf:7: empty user ID", new UsersFileFormat.Problem(7, "empty user ID").describe("conf/users.conf"));
    }

    @Test
    void headerIsAllComments() {
        assertEquals(List.of(), UsersFileFormat.parse(UsersFileFormat.HEADER.lines().toList()).entries());
        assertEquals(List.of(), UsersFileFormat.parse(UsersFileFormat.HEADER.lines().toList()).problems());
    }
}
