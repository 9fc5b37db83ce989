package org.openst.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The SQL of the configuration records: one row per (namespace, key). */
final class ConfigRecordTable {

    private static final String T = Schema.CONFIG_TABLE;

    private ConfigRecordTable() {
    }

    static Optional<String> get(Connection c, String namespace, String key) throws SQLException {
        return Sql.queryFirst(c, "SELECT record_value FROM " + T + " WHERE namespace = ? AND record_key = ?",
                row -> row.getString(1), namespace, key);
    }

    /** Upsert as in {@link UserStorageTable#save}, for the same reasons. */
    static void put(Connection c, String namespace, String key, String value) throws SQLException {
        if (Sql.update(c, "UPDATE " + T + " SET record_value = ? WHERE namespace = ? AND record_key = ?",
                value, namespace, key) == 0) {
            insert(c, namespace, key, value);
        }
    }

    /**
     * Reads first, inserts only when absent. Two callers racing past the read both INSERT; the
     * primary key lets exactly one succeed, the other gets a unique violation, and its retry (by
     * {@link Transactions}) reads the winner's value. That holds across processes too.
     */
    static String putIfAbsent(Connection c, String namespace, String key, String value) throws SQLException {
        Optional<String> existing = get(c, namespace, key);
        if (existing.isPresent()) {
            return existing.get();
        }
        insert(c, namespace, key, value);
        return value;
    }

    static boolean remove(Connection c, String namespace, String key) throws SQLException {
        return Sql.update(c, "DELETE FROM " + T + " WHERE namespace = ? AND record_key = ?", namespace, key) > 0;
    }

    /**
     * Sorted here by Java string order, not by ORDER BY: the database's collation differs between
     * products and installations, and callers are promised one order.
     */
    static SortedMap<String, String> list(Connection c, String namespace) throws SQLException {
        SortedMap<String, String> records = new TreeMap<>();
        try (PreparedStatement statement = Sql.prepare(c,
                "SELECT record_key, record_value FROM " + T + " WHERE namespace = ?", namespace);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                records.put(rows.getString(1), rows.getString(2));
            }
        }
        return records;
    }

    private static void insert(Connection c, String namespace, String key, String value) throws SQLException {
        Sql.update(c, "INSERT INTO " + T + " (namespace, record_key, record_value) VALUES (?, ?, ?)",
                namespace, key, value);
    }
}
