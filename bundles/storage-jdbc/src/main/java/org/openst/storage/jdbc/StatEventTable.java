package org.openst.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.openst.storage.api.StatEvent;
import org.openst.storage.api.StatTotal;

/** The SQL of the statistics: one row per event, with the start of its UTC hour stored beside it. */
final class StatEventTable {

    private static final String T = ChatLogSchema.STAT_TABLE;

    /** Hour, then kind by String.compareTo: the same order on every database, whatever its collation. */
    private static final Comparator<StatTotal> ORDER = Comparator.comparing(StatTotal::hour)
            .thenComparing(StatTotal::kind);

    private StatEventTable() {
    }

    static void append(Connection c, List<StatEvent> events, long[] atNanos) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + T
                + " (at_nanos, hour_nanos, kind, event_count) VALUES (?, ?, ?, ?)")) {
            int pending = 0;
            for (int i = 0; i < events.size(); i++) {
                insert.setLong(1, atNanos[i]);
                insert.setLong(2, EpochNanos.hourStart(atNanos[i]));
                insert.setString(3, events.get(i).kind());
                insert.setLong(4, events.get(i).count());
                insert.addBatch();
                if (++pending == ChatLogTable.BATCH_SIZE) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    static List<StatTotal> totalsPerHour(Connection c, Instant from, Instant to) throws SQLException {
        List<StatTotal> totals = new ArrayList<>();
        // SUM of a BIGINT is NUMERIC on both H2 and PostgreSQL; getLong reads it.
        try (PreparedStatement select = Sql.prepare(c, "SELECT hour_nanos, kind, SUM(event_count) FROM " + T
                + " WHERE at_nanos >= ? AND at_nanos < ? GROUP BY hour_nanos, kind",
                EpochNanos.bound(from), EpochNanos.bound(to));
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                totals.add(new StatTotal(EpochNanos.toInstant(rows.getLong(1)), rows.getString(2), rows.getLong(3)));
            }
        }
        totals.sort(ORDER);
        return totals;
    }

    static int deleteBefore(Connection c, Instant cutoff) throws SQLException {
        return Sql.update(c, "DELETE FROM " + T + " WHERE at_nanos < ?", EpochNanos.bound(cutoff));
    }
}
