package org.openst.logger.impl;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.openst.storage.api.StatEvent;
import org.openst.storage.api.StatTotal;
import org.openst.storage.api.StatisticsStore;
import org.openst.storage.api.StorageException;

/** A {@link StatisticsStore} double: keeps the rows, can be told to fail like a database that is down. */
class InMemoryStatisticsStore implements StatisticsStore {
    final List<StatEvent> rows = new CopyOnWriteArrayList<>();
    final List<Integer> appendSizes = new CopyOnWriteArrayList<>();
    /** Every call fails. */
    volatile boolean failing;
    /** Only appends fail (a full disk): queries still work. */
    volatile boolean appendsFail;

    @Override
    public void append(List<StatEvent> events) {
        if (failing || appendsFail) {
            throw new StorageException("database down");
        }
        appendSizes.add(events.size());
        rows.addAll(events);
    }

    @Override
    public List<StatTotal> totalsPerHour(Instant from, Instant to) {
        if (failing) {
            throw new StorageException("database down");
        }
        Map<Instant, Map<String, Long>> sums = new TreeMap<>();
        for (StatEvent e : rows) {
            if (!e.at().isBefore(from) && e.at().isBefore(to)) {
                sums.computeIfAbsent(e.at().truncatedTo(ChronoUnit.HOURS), h -> new TreeMap<>())
                        .merge(e.kind(), e.count(), Long::sum);
            }
        }
        List<StatTotal> totals = new ArrayList<>();
        sums.forEach((hour, kinds) -> kinds.forEach((kind, total) -> totals.add(new StatTotal(hour, kind, total))));
        return totals;
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        if (failing) {
            throw new StorageException("database down");
        }
        List<StatEvent> old = rows.stream().filter(e -> e.at().isBefore(cutoff)).toList();
        rows.removeAll(old);
        return old.size();
    }

    /** Sum of the stored counts of one kind. */
    long sum(String kind) {
        return rows.stream().filter(e -> e.kind().equals(kind)).mapToLong(StatEvent::count).sum();
    }
}
