package org.openst.directory.ldap;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openst.directory.api.Authentication;

/**
 * The contract against a real OpenLDAP slapd loaded with openst-test.ldif ({@code .ci/slapd.sh});
 * skipped without one unless OPENST_REQUIRE_LDAP=true (see {@link TestSlapd}).
 */
@ExtendWith(TestSlapd.class)
class SlapdLdapDirectoryTest extends LdapDirectoryContract {

    @Override
    String[] server() {
        return TestSlapd.server();
    }

    @Test
    void aWrongServiceAccountPasswordMakesTheDirectoryUnavailable() throws Exception {
        try (LdapDirectory wrong = directory(Map.of("bind.password", "not-the-password"))) {
            Authentication a = wrong.authenticate("dave", "dave-ldap");
            assertInstanceOf(Authentication.Unavailable.class, a, a.toString());
        }
    }
}
