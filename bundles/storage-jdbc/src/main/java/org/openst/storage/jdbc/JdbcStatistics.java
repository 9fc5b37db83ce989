package org.openst.storage.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.openst.storage.api.StatEvent;
import org.openst.storage.api.StatTotal;
import org.openst.storage.api.StatisticsStore;
import org.openst.storage.api.StorageException;

/**
 * The statistics on a {@link ChatLogDatabase}. Every method is one transaction, durable when it
 * returns; failures are {@link StorageException}s. Thread-safe.
 */
public class JdbcStatistics implements StatisticsStore {

    private final Database database;

    public JdbcStatistics(ChatLogDatabase database) {
        this.database = Objects.requireNonNull(database, "database").database;
    }

    /**
     * All events in one transaction, or none.
     *
     * @throws IllegalArgumentException before the database, when an event's time is outside
     *         [{@link EpochNanos#MIN}, {@link EpochNanos#MAX}]
     */
    @Override
    public void append(List<StatEvent> events) {
        List<StatEvent> copy = List.copyOf(events);
        if (copy.isEmpty()) {
            return;
        }
        long[] atNanos = new long[copy.size()];
        for (int i = 0; i < atNanos.length; i++) {
            atNanos[i] = EpochNanos.of(copy.get(i).at());
        }
        database.run("append " + copy.size() + " statistics event" + (copy.size() == 1 ? "" : "s"), c -> {
            StatEventTable.append(c, copy, atNanos);
            return null;
        });
    }

    /** Hours are UTC hours; an hour that [from, to) cuts counts only its events inside. */
    @Override
    public List<StatTotal> totalsPerHour(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return List.copyOf(database.run("sum the statistics from " + from + " before " + to,
                c -> StatEventTable.totalsPerHour(c, from, to)));
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return database.run("delete the statistics events before " + cutoff, c -> StatEventTable.deleteBefore(c, cutoff));
    }
}
