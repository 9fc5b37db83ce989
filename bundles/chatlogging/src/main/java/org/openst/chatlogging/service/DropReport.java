package org.openst.chatlogging.service;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the entries refused because the queue was full, and says so loudly but at most once a
 * minute: an ERROR line with the count since the previous line. Called on the recording threads
 * (which must not be flooded with log I/O) and from the maintenance thread every minute, so drops
 * after the last line are reported too.
 */
final class DropReport {
    private static final Logger LOG = LoggerFactory.getLogger(DropReport.class);
    static final long PERIOD_MILLIS = 60_000;

    private final Clock clock;
    private final IntSupplier capacity;
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong unreported = new AtomicLong();
    private final AtomicLong lastReport;

    DropReport(Clock clock, IntSupplier capacity) {
        this.clock = clock;
        this.capacity = capacity;
        this.lastReport = new AtomicLong(clock.millis() - PERIOD_MILLIS); // the first drop is reported at once
    }

    /** One entry was refused. */
    void dropped() {
        total.incrementAndGet();
        unreported.incrementAndGet();
        reportIfDue();
    }

    /** Entries dropped since the bundle started. */
    long total() {
        return total.get();
    }

    /**
     * Logs the drops not yet reported if the last line is a minute old.
     *
     * @return how many drops this call reported (0: none, or not yet due)
     */
    long reportIfDue() {
        if (unreported.get() == 0) {
            return 0;
        }
        long now = clock.millis();
        long last = lastReport.get();
        if (now - last < PERIOD_MILLIS || !lastReport.compareAndSet(last, now)) {
            return 0;
        }
        long n = unreported.getAndSet(0);
        if (n > 0) {
            LOG.error("chat log queue full (queue.capacity={}): {} chat messages were NOT logged since the last report "
                    + "({} since start); the chat log store is absent, failing or too slow", capacity.getAsInt(), n,
                    total.get());
        }
        return n;
    }
}
