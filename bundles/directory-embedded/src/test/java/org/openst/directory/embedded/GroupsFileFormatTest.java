package org.openst.directory.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class GroupsFileFormatTest {

    private static GroupsFileFormat.Result parse(String... lines) {
        return GroupsFileFormat.parse(List.of(lines));
    }

    private static String onlyProblem(String line) {
        GroupsFileFormat.Result r = parse(line);
        assertEquals(List.of(), r.groups(), "groups");
        assertEquals(1, r.problems().size(), "problems");
        return r.problems().get(0).message();
    }

    @Test
    void goodLinesCommentsAndBlanks() {
        GroupsFileFormat.Result r = parse(
                "\uFEFF# groups",
                "",
                "friends\tFriends\talice,bob,carol",
                "  sales \t\t Sales & Co. #1 \t dave , erin,,alice, \t The sales team ");
        assertEquals(List.of(), r.problems());
        assertEquals(new GroupEntry("friends", "Friends", "", List.of("alice", "bob", "carol")), r.groups().get(0));
        assertEquals(new GroupEntry("sales", "Sales & Co. #1", "The sales team", List.of("dave", "erin", "alice")),
                r.groups().get(1));
    }

    @Test
    void aMemberListedTwiceCountsOnce() {
        assertEquals(List.of("alice", "Bob"), parse("g\tG\talice,Bob,ALICE,bob").groups().get(0).memberIds());
    }

    @Test
    void tooFewFields() {
        assertTrue(onlyProblem("friends\tFriends").startsWith("expected groupId<TAB>display name<TAB>member1"));
        assertTrue(onlyProblem("friends Friends alice,bob").endsWith("(fields must be separated by tabs, not spaces)"));
    }

    @Test
    void tooManyFields() {
        assertEquals("too many tab-separated fields (5); at most 4", onlyProblem("g\tG\ta\td\textra"));
    }

    @Test
    void badGroupId() {
        assertEquals("group ID 'a#b' contains '#'", onlyProblem("a#b\tG\talice"));
        assertEquals("group ID 'a::b' contains '::'", onlyProblem("a::b\tG\talice"));
    }

    @Test
    void badMemberId() {
        assertEquals("member user ID 'bob smith' contains a blank or control character",
                onlyProblem("g\tG\talice,bob smith"));
    }

    @Test
    void noMembers() {
        assertEquals("group 'g' lists no members", onlyProblem("g\tG\t , ,"));
    }

    @Test
    void duplicateGroupIdKeepsTheFirst() {
        GroupsFileFormat.Result r = parse("g\tFirst\talice", "G\tSecond\tbob");
        assertEquals(1, r.groups().size());
        assertEquals("First", r.groups().get(0).displayName());
        assertEquals(2, r.problems().get(0).line());
        assertEquals("duplicate group ID 'G' (first defined on line 1; IDs are compared ignoring case)",
                r.problems().get(0).message());
    }

    @Test
    void theShippedHeaderIsOnlyComments() {
        GroupsFileFormat.Result r = GroupsFileFormat.parse(GroupsFileFormat.HEADER.lines().toList());
        assertEquals(List.of(), r.groups());
        assertEquals(List.of(), r.problems());
    }
}
