package org.openst.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

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

    /** Only the key column: the lists themselves are not read. */
    static Set<String> usersWithLists(Connection c) throws SQLException {
        Set<String> users = new HashSet<>();
        try (PreparedStatement statement = Sql.prepare(c, "SELECT user_id FROM " + T);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                users.add(rows.getString(1));
            }
        }
        return users;
    }
}
