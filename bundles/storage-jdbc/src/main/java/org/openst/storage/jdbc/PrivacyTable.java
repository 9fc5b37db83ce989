package org.openst.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The SQL of the privacy lists: one row per user, the list in its wire encoding. */
final class PrivacyTable {

    private static final String T = Schema.PRIVACY_TABLE;

    private PrivacyTable() {
    }

    static Optional<byte[]> load(Connection c, String userId) throws SQLException {
        return Sql.queryFirst(c, "SELECT privacy_info FROM " + T + " WHERE user_id = ?",
                row -> row.getBytes(1), userId);
    }

    /** Upsert as in {@link UserStorageTable#save}, for the same reasons. */
    static void save(Connection c, String userId, byte[] encoded) throws SQLException {
        if (Sql.update(c, "UPDATE " + T + " SET privacy_info = ? WHERE user_id = ?", encoded, userId) == 0) {
            Sql.update(c, "INSERT INTO " + T + " (user_id, privacy_info) VALUES (?, ?)", userId, encoded);
        }
    }
}
