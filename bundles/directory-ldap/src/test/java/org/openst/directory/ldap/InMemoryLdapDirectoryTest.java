package org.openst.directory.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;

/** The contract on UnboundID's in-memory LDAP server, plus groups whose members are user IDs. */
class InMemoryLdapDirectoryTest extends LdapDirectoryContract {

    private InMemoryDirectoryServer server;

    @Override
    String[] server() throws Exception {
        if (server == null) {
            server = TestLdapServer.start();
            server.add("dn: cn=ops,ou=groups," + TestConfigs.BASE, "objectClass: posixGroup", "cn: ops",
                    "gidNumber: 1000", "memberUid: bob", "memberUid: nobody", "memberUid: frank", "memberUid: alice");
        }
        return new String[] {TestLdapServer.url(server), TestLdapServer.READER_DN, TestLdapServer.READER_PASSWORD};
    }

    @AfterAll
    void stopServer() {
        server.shutDown(true);
    }

    @Test
    void groupMembersByUserId() throws Exception {
        try (LdapDirectory posix = directory(Map.of("group.object.class", "posixGroup",
                "group.member.attribute", "memberUid", "group.member.type", "user.id"))) {
            assertEquals(List.of("bob", "alice"), ids(posix.groupMembers("ops")));
        }
    }
}
