package org.openst.logger.impl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

import org.openst.storage.api.StatEvent;
import org.openst.storage.api.StatTotal;
import org.openst.storage.api.StatisticsStore;
import org.openst.storage.api.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Logger's memory between the events and the {@link StatisticsStore}, in the manner of a log
 * shipper: events are counted per (kind, minute) ({@link MinuteAggregator}); a flush moves the
 * counts to a bounded queue of rows ({@link PendingRows}) and writes the queue to the store, oldest
 * first, in batches. While no store is bound, or while it fails, rows stay queued and are written
 * by the first flush that succeeds; when the queue is full the oldest rows are dropped with a WARN
 * line counting them.
 *
 * <p>{@link #record} is cheap and never blocks on the store (network threads call it); flushes
 * and queries may block and are serialized by one lock.
 */
final class StatisticsLog {
    /** Rows per {@link StatisticsStore#append} call: one failing batch does not hold back the rest. */
    static final int BATCH_ROWS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(StatisticsLog.class);

    private final Clock clock;
    private final MinuteAggregator recent = new MinuteAggregator();
    private final AtomicReference<StatisticsStore> store = new AtomicReference<>();
    private final AtomicLong droppedRows = new AtomicLong();
    private final AtomicLong droppedEvents = new AtomicLong();

    private final ReentrantLock writeLock = new ReentrantLock();
    /** Guarded by writeLock. */
    private final PendingRows pending;
    /** Guarded by writeLock: so that an outage is logged once, not at every flush. */
    private boolean complained;

    StatisticsLog(Clock clock, int maxQueuedRows) {
        this.clock = clock;
        this.pending = new PendingRows(maxQueuedRows);
    }

    /** A new limit of rows kept while the store is absent or failing. */
    void setMaxQueuedRows(int maxQueuedRows) {
        writeLock.lock();
        try {
            pending.setCapacity(maxQueuedRows);
        } finally {
            writeLock.unlock();
        }
    }

    // ---------------------------------------------------------------- recording (any thread, cheap)

    /** One or more events of {@code kind}, now. */
    void record(String kind, long count) {
        recent.add(clock.instant(), kind, count);
    }

    /** Events that happened at {@code at} (a message count delta is booked at its interval's start). */
    void record(Instant at, String kind, long count) {
        recent.add(at, kind, count);
    }

    // ---------------------------------------------------------------- the store (DS threads)

    void storeAdded(StatisticsStore s) {
        store.set(s);
    }

    /** @return true when {@code s} was the store in use */
    boolean storeRemoved(StatisticsStore s) {
        return store.compareAndSet(s, null);
    }

    boolean hasStore() {
        return store.get() != null;
    }

    // ---------------------------------------------------------------- writing (the Logger's thread)

    /**
     * Moves what was recorded to the queue and writes the queue to the store, if there is one.
     * Never throws for a missing or failing store: the rows stay queued.
     *
     * @return how many rows are still waiting afterwards
     */
    int flush() {
        writeLock.lock();
        try {
            return flushLocked();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * {@link #flush()}, unless another flush holds the store for longer than {@code maxWait} (a
     * hanging database must not hang the component's deactivation).
     *
     * @return the rows still waiting, or -1 when the wait ran out
     */
    int flushWithin(Duration maxWait) throws InterruptedException {
        if (!writeLock.tryLock(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
            return -1;
        }
        try {
            return flushLocked();
        } finally {
            writeLock.unlock();
        }
    }

    private int flushLocked() {
        PendingRows.Dropped dropped = pending.addAll(recent.drain());
        if (dropped.rows() > 0) {
            long totalRows = droppedRows.addAndGet(dropped.rows());
            long totalEvents = droppedEvents.addAndGet(dropped.events());
            LOG.warn("logger: statistics queue full ({} rows, store {}): DROPPED the {} oldest row(s) ({} events); "
                    + "{} row(s) ({} events) dropped since start", pending.size(), hasStore() ? "failing" : "absent",
                    dropped.rows(), dropped.events(), totalRows, totalEvents);
        }
        if (pending.isEmpty()) {
            return 0;
        }
        StatisticsStore s = store.get();
        if (s == null) {
            if (!complained) {
                complained = true;
                LOG.warn("logger: no StatisticsStore service: keeping statistics in memory ({} row(s) waiting) "
                        + "until one appears", pending.size());
            }
            return pending.size();
        }
        int written = 0;
        while (!pending.isEmpty()) {
            List<StatEvent> batch = pending.first(BATCH_ROWS);
            try {
                s.append(batch);
            } catch (RuntimeException e) {
                // StorageException by contract; anything else is treated alike: the store changed nothing.
                if (!complained) {
                    complained = true;
                    LOG.warn("logger: the StatisticsStore failed ({}): keeping {} row(s) in memory and retrying",
                            e.toString(), pending.size());
                } else {
                    LOG.debug("logger: the StatisticsStore still fails: {}", e.toString());
                }
                return pending.size();
            }
            pending.removeFirst(batch.size());
            written += batch.size();
        }
        if (complained) {
            complained = false;
            LOG.info("logger: statistics are written again ({} row(s) caught up)", written);
        }
        return 0;
    }

    int pendingRows() {
        writeLock.lock();
        try {
            return pending.size();
        } finally {
            writeLock.unlock();
        }
    }

    long droppedRows() {
        return droppedRows.get();
    }

    long droppedEvents() {
        return droppedEvents.get();
    }

    // ---------------------------------------------------------------- reading

    /**
     * Flushes first, so that everything recorded so far is asked from the store; rows the store
     * would not take are added from memory, so the answer is complete while a store can be read.
     *
     * @throws StorageException when no store is bound, or from the store's query
     */
    List<StatTotal> totalsPerHour(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        writeLock.lock();
        try {
            flushLocked();
            StatisticsStore s = store.get();
            if (s == null) {
                throw new StorageException("no StatisticsStore service is available (" + pending.size()
                        + " rows of statistics are waiting in memory)");
            }
            List<StatTotal> stored = s.totalsPerHour(from, to);
            return pending.isEmpty() ? stored : merge(stored, pending.all(), from, to);
        } finally {
            writeLock.unlock();
        }
    }

    /** Adds events (of [from, to)) to totals per hour, keeping the store's order: hour, then kind. */
    static List<StatTotal> merge(List<StatTotal> totals, List<StatEvent> events, Instant from, Instant to) {
        record HourKind(Instant hour, String kind) {
        }
        Map<HourKind, Long> sums = new LinkedHashMap<>();
        for (StatTotal t : totals) {
            sums.merge(new HourKind(t.hour(), t.kind()), t.total(), Long::sum);
        }
        for (StatEvent e : events) {
            if (!e.at().isBefore(from) && e.at().isBefore(to)) {
                sums.merge(new HourKind(e.at().truncatedTo(ChronoUnit.HOURS), e.kind()), e.count(), Long::sum);
            }
        }
        List<StatTotal> merged = new ArrayList<>(sums.size());
        sums.forEach((k, total) -> merged.add(new StatTotal(k.hour(), k.kind(), total)));
        merged.sort(Comparator.comparing(StatTotal::hour).thenComparing(StatTotal::kind));
        return List.copyOf(merged);
    }

    // ---------------------------------------------------------------- retention

    /**
     * Deletes the stored events older than {@code cutoff}.
     *
     * @return how many were deleted; 0 without a store or when it fails (logged)
     */
    int deleteBefore(Instant cutoff) {
        StatisticsStore s = store.get();
        if (s == null) {
            LOG.debug("logger: no StatisticsStore, nothing to delete before {}", cutoff);
            return 0;
        }
        try {
            int deleted = s.deleteBefore(cutoff);
            if (deleted > 0) {
                LOG.info("logger: deleted {} statistics events older than {}", deleted, cutoff);
            }
            return deleted;
        } catch (RuntimeException e) {
            LOG.warn("logger: could not delete the statistics events older than {}: {}", cutoff, e.toString());
            return 0;
        }
    }
}
