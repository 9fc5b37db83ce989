package org.openst.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables of {@link JdbcStorage}: creates them when missing and records which schema version
 * they follow ({@link SchemaVersion}), so a later bundle can migrate them. Identifiers are never quoted: H2 folds them to upper case and
 * PostgreSQL to lower case, and either way every statement here names the same tables.
 */
final class Schema {

    /** The version of the tables this code reads and writes. */
    static final int VERSION = 1;

    /** Key of the storage's row in the version table (the chat log has its own row). */
    static final String NAME = "org.openst.storage.jdbc";

    static final String VERSION_TABLE = SchemaVersion.TABLE;
    static final String USER_STORAGE_TABLE = "openst_user_storage";
    static final String PRIVACY_TABLE = "openst_privacy_list";
    static final String CONFIG_TABLE = "openst_config_record";

    /**
     * User IDs and keys are bounded so they can be primary-key columns on every database
     * (PostgreSQL's B-tree entries are limited to about 2.7 kB); Sametime IDs, even full LDAP
     * distinguished names, stay well below.
     */
    static final int MAX_ID_LENGTH = 512;

    private Schema() {
    }

    /**
     * Creates what is missing, inside the caller's transaction (PostgreSQL rolls DDL back with
     * it; H2 commits each DDL statement, which is harmless since every statement is idempotent).
     *
     * @throws SQLException also when the database holds a newer schema than this code knows
     */
    static void create(Connection connection, SqlDialect dialect) throws SQLException {
        SchemaVersion.require(connection, NAME, VERSION);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE IF NOT EXISTS " + USER_STORAGE_TABLE + " ("
                    + "user_id VARCHAR(" + MAX_ID_LENGTH + ") NOT NULL, "
                    + "unit_key BIGINT NOT NULL, "
                    + "unit_value " + dialect.binaryType() + " NOT NULL, "
                    + "PRIMARY KEY (user_id, unit_key))");
            statement.executeUpdate("CREATE TABLE IF NOT EXISTS " + PRIVACY_TABLE + " ("
                    + "user_id VARCHAR(" + MAX_ID_LENGTH + ") NOT NULL PRIMARY KEY, "
                    + "privacy_info " + dialect.binaryType() + " NOT NULL)");
            statement.executeUpdate("CREATE TABLE IF NOT EXISTS " + CONFIG_TABLE + " ("
                    + "namespace VARCHAR(" + MAX_ID_LENGTH + ") NOT NULL, "
                    + "record_key VARCHAR(" + MAX_ID_LENGTH + ") NOT NULL, "
                    + "record_value " + dialect.textType() + " NOT NULL, "
                    + "PRIMARY KEY (namespace, record_key))");
        }
    }
}
