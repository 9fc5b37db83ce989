package org.openst.directory.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** 1.1 is backward compatible: a 1.0 implementation compiles and knows no groups and cannot browse. */
class DirectoryDefaultsTest {

    /** Implements only the 1.0 methods. */
    private static final class OldDirectory implements Directory {
        @Override
        public Authentication authenticate(String loginName, String password) {
            return new Authentication.Refused(Authentication.Reason.UNKNOWN_USER);
        }

        @Override
        public Optional<DirectoryUser> findUser(String userId) {
            return Optional.of(new DirectoryUser(userId, null, null));
        }

        @Override
        public List<DirectoryUser> resolve(String name, int maxResults) {
            return List.of(new DirectoryUser(name, null, null)); // must not be used by the browse default
        }

        @Override
        public String describe() {
            return "old";
        }
    }

    @Test
    void defaultsAreEmpty() {
        Directory d = new OldDirectory();
        assertEquals(List.of(), d.findGroups("friends", 10));
        assertEquals(List.of(), d.groupMembers("friends"));
        assertEquals(List.of(), d.search("", 0, 10));
    }

    @Test
    void groupFieldsAreNormalised() {
        assertEquals(new DirectoryGroup("g", "g", ""), new DirectoryGroup("g", null, null));
        assertEquals(new DirectoryGroup("g", "g", ""), new DirectoryGroup("g", "", ""));
        assertThrows(NullPointerException.class, () -> new DirectoryGroup(null, "G", ""));
        assertThrows(IllegalArgumentException.class, () -> new DirectoryGroup("", "G", ""));
    }
}
