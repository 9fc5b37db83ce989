package org.openst.directory.ldap;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real OpenLDAP server of {@link SlapdLdapDirectoryTest}, named by the environment variables
 * that {@code .ci/slapd.sh} prints (or the system properties of the same meaning):
 *
 * <pre>
 * eval "$(bash .ci/slapd.sh)" &amp;&amp; mvn -pl bundles/directory-ldap verify
 * </pre>
 *
 * As an {@link ExecutionCondition} it skips when no server is named, because a build must not need
 * an LDAP server; with {@code OPENST_REQUIRE_LDAP=true} (or {@code -Dopenst.require.ldap=true}) it
 * runs anyway and fails saying what is missing: CI sets that, so it cannot go green without them.
 */
final class TestSlapd implements ExecutionCondition {

    static final String URL = "openst.test.ldap.url";
    static final String REQUIRE = "openst.require.ldap";

    private static final String HOW = "set OPENST_TEST_LDAP_URL, OPENST_TEST_LDAP_BIND_DN and "
            + "OPENST_TEST_LDAP_BIND_PASSWORD, as `eval \"$(bash .ci/slapd.sh)\"` does (or -D" + URL + "=...)";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (url() != null) {
            return ConditionEvaluationResult.enabled("OpenLDAP at " + url());
        }
        if (required()) {
            return ConditionEvaluationResult.enabled(REQUIRE + " is true: runs, and fails for want of a server");
        }
        return ConditionEvaluationResult.disabled("No LDAP server named, skipped: " + HOW + ". With "
                + "OPENST_REQUIRE_LDAP=true a missing server fails the build instead.");
    }

    static String url() {
        return setting(URL, "OPENST_TEST_LDAP_URL");
    }

    static boolean required() {
        return "true".equalsIgnoreCase(setting(REQUIRE, "OPENST_REQUIRE_LDAP"));
    }

    /** URL, service account DN and password; fails the test when no server is named. */
    static String[] server() {
        String url = url();
        if (url == null) {
            fail(REQUIRE + " is true but no LDAP server is named: " + HOW);
        }
        String dn = setting("openst.test.ldap.bind.dn", "OPENST_TEST_LDAP_BIND_DN");
        String password = setting("openst.test.ldap.bind.password", "OPENST_TEST_LDAP_BIND_PASSWORD");
        return new String[] {url, dn == null ? "" : dn, password == null ? "" : password};
    }

    private static String setting(String property, String environmentVariable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }
}
