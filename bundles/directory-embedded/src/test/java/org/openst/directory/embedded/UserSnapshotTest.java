package org.openst.directory.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openst.directory.api.DirectoryUser;

class UserSnapshotTest {

    private static final UserSnapshot USERS = new UserSnapshot(UsersFileFormat.parse(List.of(
            TestUsers.line("al", "pw", "Zed Zulu", null),           // user ID "al"
            TestUsers.line("zz", "pw", "Al", null),                 // display name "Al"
            TestUsers.line("alice", "pw", "Alice Example", null),   // prefix of both
            TestUsers.line("bob", "pw", "Alan Builder", null),      // display-name prefix
            TestUsers.line("alfred", "pw", "Fred", null),           // user-ID prefix
            "alvin\t!x\tAlvin",                                     // bad line: skipped
            "alma\t!" + TestUsers.hash("pw") + "\tAlma Disabled",    // disabled: never resolved
            TestUsers.line("carol", "pw", "Carol Singer", null))).entries());

    private static List<String> ids(List<DirectoryUser> users) {
        return users.stream().map(DirectoryUser::userId).toList();
    }

    @Test
    void exactIdThenExactDisplayNameThenPrefixes() {
        // Prefix matches are ordered by display name, then user ID.
        assertEquals(List.of("al", "zz", "bob", "alice", "alfred"), ids(USERS.resolve("al", 10)));
    }

    @Test
    void caseIsIgnoredAndBlanksAroundTheNameToo() {
        assertEquals(List.of("al", "zz", "bob", "alice", "alfred"), ids(USERS.resolve("  AL ", 10)));
        assertEquals(List.of("carol"), ids(USERS.resolve("CAROL SINGER", 10)));
    }

    @Test
    void maxResultsCuts() {
        assertEquals(List.of("al", "zz"), ids(USERS.resolve("al", 2)));
        assertEquals(List.of("al"), ids(USERS.resolve("al", 1)));
    }

    @Test
    void maxResultsBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> USERS.resolve("al", 0));
    }

    @Test
    void blankMatchesNothing() {
        assertEquals(List.of(), USERS.resolve("  ", 5));
        assertEquals(List.of(), USERS.resolve(null, 5));
    }

    @Test
    void noMatch() {
        assertEquals(List.of(), USERS.resolve("xavier", 5));
    }

    @Test
    void disabledUsersAreNeverResolvedNorFound() {
        assertEquals(List.of(), USERS.resolve("alma", 5));
        assertTrue(USERS.findEnabled("alma").isEmpty());
        assertTrue(USERS.entry("ALMA").orElseThrow().disabled());
    }

    @Test
    void findIgnoresCaseAndReturnsTheCanonicalId() {
        assertEquals("alice", USERS.findEnabled("ALICE").orElseThrow().userId());
        assertEquals("Alice Example", USERS.findEnabled("alice").orElseThrow().displayName());
    }
}
