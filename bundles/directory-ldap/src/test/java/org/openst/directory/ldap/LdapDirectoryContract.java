package org.openst.directory.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openst.directory.api.Authentication;
import org.openst.directory.api.DirectoryGroup;
import org.openst.directory.api.DirectoryUser;

/**
 * The directory SPI's contract (directory-api's javadoc) against a server holding
 * openst-test.ldif: run on UnboundID's in-memory server and on a real OpenLDAP slapd.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LdapDirectoryContract {

    /** The server's URL, service account DN and password; the server holds openst-test.ldif. */
    abstract String[] server() throws Exception;

    LdapDirectory directory;

    @BeforeAll
    void open() throws Exception {
        directory = directory(Map.of());
    }

    @AfterAll
    void close() {
        if (directory != null) {
            directory.close();
        }
    }

    LdapDirectory directory(Map<String, Object> overrides) throws Exception {
        String[] s = server();
        return new LdapDirectory(LdapSettings.from(TestConfigs.forTestDirectory(s[0], s[1], s[2], overrides)));
    }

    private static Authentication.Reason refused(Authentication a) {
        return assertInstanceOf(Authentication.Refused.class, a, a.toString()).reason();
    }

    @Test
    void theRightPasswordLogsInWithTheEntrysNames() {
        Authentication a = directory.authenticate("dave", "dave-ldap");
        assertEquals(new DirectoryUser("dave", "Dave Ldap", "Research"),
                assertInstanceOf(Authentication.Success.class, a, a.toString()).user());
    }

    @Test
    void anyLoginAttributeMayBeTheLoginNameIgnoringCase() {
        Authentication byMail = directory.authenticate("Dave@OpenST.test", "dave-ldap");
        assertEquals("dave", assertInstanceOf(Authentication.Success.class, byMail, byMail.toString()).user().userId());
        Authentication byId = directory.authenticate(" DAVE ", "dave-ldap");
        assertEquals("dave", assertInstanceOf(Authentication.Success.class, byId, byId.toString()).user().userId());
    }

    @Test
    void wrongPasswordUnknownUserAndDisabledAccountAreToldApart() {
        assertEquals(Authentication.Reason.WRONG_PASSWORD, refused(directory.authenticate("dave", "dave-ldaP")));
        assertEquals(Authentication.Reason.UNKNOWN_USER, refused(directory.authenticate("nobody", "x")));
        assertEquals(Authentication.Reason.UNKNOWN_USER, refused(directory.authenticate("  ", "x")));
        assertEquals(Authentication.Reason.DISABLED, refused(directory.authenticate("frank", "frank-ldap")));
        assertEquals(Authentication.Reason.WRONG_PASSWORD, refused(directory.authenticate("frank", "wrong")),
                "a disabled account does not tell its state without the password");
    }

    @Test
    void anEmptyPasswordIsNeverAnUnauthenticatedBind() {
        assertEquals(Authentication.Reason.WRONG_PASSWORD, refused(directory.authenticate("dave", "")));
        assertEquals(Authentication.Reason.WRONG_PASSWORD, refused(directory.authenticate("dave", null)));
    }

    @Test
    void aLoginNameOfSeveralEntriesIsRefused() {
        assertEquals(Authentication.Reason.UNKNOWN_USER, refused(directory.authenticate("twins@openst.test", "twin-ldap")));
        assertTrue(directory.authenticate("twin1", "twin-ldap") instanceof Authentication.Success);
    }

    @Test
    void filterMetacharactersAreEscaped() {
        // Unescaped, these would match every entry, or turn the filter into something else.
        for (String injection : List.of("*", "*)(uid=*", "dave)(|(uid=*", "*)(objectClass=*))(|(uid=*", "\\2a", "d*")) {
            assertEquals(Authentication.Reason.UNKNOWN_USER, refused(directory.authenticate(injection, "dave-ldap")),
                    injection);
            assertEquals(Optional.empty(), directory.findUser(injection), injection);
        }
        assertEquals(List.of(), directory.resolve("*", 10));
        assertEquals(List.of("paren(s)*"), ids(directory.search("*", 0, 10)), "a literal star, in one user ID only");
        assertEquals(List.of(), directory.findGroups("*", 10));
        assertEquals(List.of(), directory.groupMembers("*"));
        // ...and a user ID made of them is found exactly.
        assertEquals("paren(s)*", directory.findUser("paren(s)*").orElseThrow().userId());
        assertTrue(directory.authenticate("paren(s)*", "paren-ldap") instanceof Authentication.Success);
        assertEquals(List.of("paren(s)*"), ids(directory.resolve("paren(s", 10)));
    }

    @Test
    void findUserByIdIgnoringCaseEnabledUsersOnly() {
        assertEquals(Optional.of(new DirectoryUser("alice", "Alice Liddell", "Research")), directory.findUser("ALICE"));
        assertEquals(Optional.empty(), directory.findUser("frank"), "disabled");
        assertEquals(Optional.empty(), directory.findUser("printer"), "not a user entry");
        assertEquals(Optional.empty(), directory.findUser("dave@openst.test"), "a login name is not a user ID");
        assertEquals(Optional.empty(), directory.findUser(""));
    }

    @Test
    void resolveRanksExactIdThenExactNameThenPrefixes() {
        assertEquals(List.of("dave", "dan", "davey"), ids(directory.resolve("dave", 10)));
        assertEquals(List.of("dave", "dan"), ids(directory.resolve("DAVE", 2)));
        // Prefix tier only: ordered by display name (Dave, Dave Ldap, Davey Jones).
        assertEquals(List.of("dan", "dave", "davey"), ids(directory.resolve("da", 10)));
        assertEquals(List.of("alice"), ids(directory.resolve("alice liddell", 10)));
        assertEquals(List.of(), directory.resolve("frank", 10), "disabled users are not found");
        assertEquals(List.of(), directory.resolve(" ", 10));
        assertThrows(IllegalArgumentException.class, () -> directory.resolve("dave", 0));
    }

    @Test
    void searchBrowsesBySubstringSortedByDisplayNameWithPaging() {
        List<String> all = ids(directory.search("", 0, 100));
        assertEquals(List.of("alice", "bob", "dan", "dave", "davey", "paren(s)*", "twin1", "twin2"), all);
        assertEquals(List.of("dave", "davey"), ids(directory.search("AVE", 1, 10)), "Dave, Dave Ldap, Davey Jones from 1");
        assertEquals(List.of("bob", "dan"), ids(directory.search("", 1, 2)));
        assertEquals(List.of(), directory.search("", 100, 2));
        assertEquals(List.of("alice"), ids(directory.search("lidd", 0, 10)));
        assertThrows(IllegalArgumentException.class, () -> directory.search("", -1, 10));
    }

    @Test
    void groupsResolveLikeUsers() {
        assertEquals(List.of(new DirectoryGroup("research", "research", "The research team")),
                directory.findGroups("Research", 1));
        assertEquals(List.of("research", "researchers-emeriti"), directory.findGroups("Research", 10).stream()
                .map(DirectoryGroup::groupId).toList(), "exact, then prefix");
        assertEquals(List.of("research", "researchers-emeriti"), directory.findGroups("res", 10).stream()
                .map(DirectoryGroup::groupId).toList());
        assertEquals(List.of(), directory.findGroups("nothing", 10));
    }

    @Test
    void groupMembersInListOrderLeavingOutDisabledAndUnknownEntries() {
        assertEquals(List.of(new DirectoryUser("dave", "Dave Ldap", "Research"),
                new DirectoryUser("alice", "Alice Liddell", "Research")), directory.groupMembers("RESEARCH"));
        assertEquals(List.of("bob"), ids(directory.groupMembers("sales")));
        assertEquals(List.of(), directory.groupMembers("nothing"));
    }

    @Test
    void withoutGroupBaseThereAreNoGroups() throws Exception {
        try (LdapDirectory noGroups = directory(Map.of("group.base.dn", ""))) {
            assertEquals(List.of(), noGroups.findGroups("research", 10));
            assertEquals(List.of(), noGroups.groupMembers("research"));
        }
    }

    @Test
    void anExtraUserFilterNarrowsWhoIsAUser() throws Exception {
        try (LdapDirectory research = directory(Map.of("user.filter", "(ou=Research)"))) {
            assertTrue(research.authenticate("dave", "dave-ldap") instanceof Authentication.Success);
            assertEquals(Authentication.Reason.UNKNOWN_USER, refused(research.authenticate("bob", "bob-ldap")));
            assertEquals(List.of("alice", "dave"), ids(research.search("", 0, 10)));
        }
    }

    @Test
    void describeNamesServersAndBases() {
        assertTrue(directory.describe().contains("ou=people,dc=openst,dc=test"), directory.describe());
    }

    static List<String> ids(List<DirectoryUser> users) {
        return users.stream().map(DirectoryUser::userId).toList();
    }
}
