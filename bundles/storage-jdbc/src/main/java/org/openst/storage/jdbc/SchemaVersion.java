package org.openst.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The table that records which version of its tables each service of this bundle follows, one
 * row per service ({@link Schema#NAME}, {@link ChatLogSchema#NAME}), so a later bundle can
 * migrate them. The services may share a database or not: each checks only its own row.
 */
final class SchemaVersion {

    static final String TABLE = "openst_schema_version";

    private SchemaVersion() {
    }

    /**
     * Creates the table when missing and records {@code version} for {@code name} when no
     * version is recorded, inside the caller's transaction.
     *
     * @throws SQLException also when the database holds a newer version than {@code version}
     */
    static void require(Connection connection, String name, int version) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                    + "schema_name VARCHAR(100) NOT NULL PRIMARY KEY, "
                    + "schema_version INTEGER NOT NULL)");
        }
        Optional<Integer> stored = Sql.queryFirst(connection,
                "SELECT schema_version FROM " + TABLE + " WHERE schema_name = ?", row -> row.getInt(1), name);
        if (stored.isEmpty()) {
            // A second process racing us gets a unique violation here and is retried by
            // Transactions; on the retry it finds this row.
            Sql.update(connection, "INSERT INTO " + TABLE + " (schema_name, schema_version) VALUES (?, ?)",
                    name, version);
        } else if (stored.get() > version) {
            // Writing rows of an older layout into newer tables could corrupt them: refuse.
            throw new SQLException("the database holds schema version " + stored.get()
                    + " of " + name + ", newer than version " + version + " which this bundle knows");
        }
        // stored < version cannot happen yet: version 1 is the first. Migrations go to the caller.
    }
}
