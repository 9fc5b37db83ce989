package org.openst.storage.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real PostgreSQL server of the PostgreSql*Test classes, named by system properties or, when
 * those are absent, by the environment variables that {@code .ci/postgres.sh} prints:
 *
 * <pre>
 * eval "$(bash .ci/postgres.sh)" &amp;&amp; mvn -pl bundles/storage-jdbc verify
 * mvn -pl bundles/storage-jdbc verify -Dopenst.test.postgresql.url=jdbc:postgresql://127.0.0.1:5432/openst_test \
 *     -Dopenst.test.postgresql.user=openst -Dopenst.test.postgresql.password=openst
 * </pre>
 *
 * As an {@link ExecutionCondition} it skips those classes when no server is named, because a
 * build must not need a database server; with {@code openst.require.postgres=true} (or {@code
 * OPENST_REQUIRE_POSTGRES=true}) it runs them anyway, and they fail saying what is missing: CI
 * sets that, so it cannot go green without having run them. Surefire's forked JVM inherits the
 * environment and gets Maven's {@code -D} properties, so neither needs configuring in the pom.
 */
final class TestPostgreSql implements ExecutionCondition {

    static final String URL = "openst.test.postgresql.url";
    static final String USER = "openst.test.postgresql.user";
    static final String PASSWORD = "openst.test.postgresql.password";
    static final String REQUIRE = "openst.require.postgres";

    private static final String HOW = "set -D" + URL + "=jdbc:postgresql://HOST:PORT/DATABASE (and -D" + USER
            + ", -D" + PASSWORD + "), or the environment variables OPENST_TEST_PG_URL, OPENST_TEST_PG_USER and "
            + "OPENST_TEST_PG_PASSWORD that `eval \"$(bash .ci/postgres.sh)\"` exports";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (url() != null) {
            return ConditionEvaluationResult.enabled("PostgreSQL at " + Database.safeLocation(url()));
        }
        if (required()) {
            return ConditionEvaluationResult.enabled(REQUIRE + " is true: runs, and fails for want of a server");
        }
        return ConditionEvaluationResult.disabled("No PostgreSQL server named, skipped: " + HOW + ". With -D"
                + REQUIRE + "=true (or OPENST_REQUIRE_POSTGRES=true) a missing server fails the build instead.");
    }

    static String url() {
        return setting(URL, "OPENST_TEST_PG_URL");
    }

    static boolean required() {
        return "true".equalsIgnoreCase(setting(REQUIRE, "OPENST_REQUIRE_POSTGRES"));
    }

    /** The named server; fails the test when none is named (only reached when {@link #required()}). */
    static PGSimpleDataSource dataSource() {
        String url = url();
        if (url == null) {
            fail(REQUIRE + " is true but no PostgreSQL server is named: " + HOW);
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user());
        dataSource.setPassword(password());
        return dataSource;
    }

    static String user() {
        return orEmpty(setting(USER, "OPENST_TEST_PG_USER"));
    }

    static String password() {
        return orEmpty(setting(PASSWORD, "OPENST_TEST_PG_PASSWORD"));
    }

    /** Runs statements one by one in auto-commit mode, ignoring those that fail (e.g. a missing table). */
    static void executeIgnoringErrors(String... statements) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                try {
                    s.executeUpdate(sql);
                } catch (SQLException e) {
                    // Nothing to clean up there.
                }
            }
        }
    }

    private static String setting(String property, String environmentVariable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
