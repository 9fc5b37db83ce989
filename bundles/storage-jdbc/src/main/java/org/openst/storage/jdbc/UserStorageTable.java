package org.openst.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The SQL of the user storage units: one row per (user, key). */
final class UserStorageTable {

    private static final String T = Schema.USER_STORAGE_TABLE;

    private UserStorageTable() {
    }

    static Optional<byte[]> load(Connection c, String userId, long key) throws SQLException {
        return Sql.queryFirst(c, "SELECT unit_value FROM " + T + " WHERE user_id = ? AND unit_key = ?",
                row -> row.getBytes(1), userId, key);
    }

    /**
     * UPDATE, then INSERT when no row was there: plain SQL on every database, unlike MERGE (H2,
     * PostgreSQL 15+, with different concurrency behaviour) or ON CONFLICT (PostgreSQL only). A
     * concurrent insert of the same key makes the INSERT fail with a unique violation, and
     * {@link Transactions} runs the whole operation again.
     */
    static void save(Connection c, String userId, long key, byte[] value) throws SQLException {
        int updated = Sql.update(c, "UPDATE " + T + " SET unit_value = ? WHERE user_id = ? AND unit_key = ?",
                value, userId, key);
        if (updated == 0) {
            Sql.update(c, "INSERT INTO " + T + " (user_id, unit_key, unit_value) VALUES (?, ?, ?)",
                    userId, key, value);
        }
    }

    static boolean delete(Connection c, String userId, long key) throws SQLException {
        return Sql.update(c, "DELETE FROM " + T + " WHERE user_id = ? AND unit_key = ?", userId, key) > 0;
    }

    static long usedBytes(Connection c, String userId) throws SQLException {
        // OCTET_LENGTH is standard SQL for binary strings (BYTEA, VARBINARY and BLOB alike); the
        // sum's type differs (NUMERIC in H2, BIGINT in PostgreSQL), getLong reads either.
        return Sql.queryFirst(c, "SELECT COALESCE(SUM(OCTET_LENGTH(unit_value)), 0) FROM " + T
                + " WHERE user_id = ?", row -> row.getLong(1), userId).orElse(0L);
    }
}
