package org.openst.chatlogging.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.openst.storage.api.ChatLogStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes entries older than {@code retention.days} from the current store. Run on the bundle's
 * maintenance thread (the store may block): at start, daily, and whenever a store is bound (which
 * may be a different database after a swap).
 */
final class Retention {
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    /** What {@link #run()} returns when it did not ask the store. */
    static final int SKIPPED = -1;

    private final CurrentStore store;
    private final Clock clock;
    private volatile int days;

    Retention(CurrentStore store, Clock clock, int days) {
        this.store = store;
        this.clock = clock;
        setDays(days);
    }

    /** 0 keeps entries forever. */
    void setDays(int newDays) {
        if (newDays < 0) {
            throw new IllegalArgumentException("retention days must not be negative: " + newDays);
        }
        days = newDays;
    }

    /** @return how many entries were deleted, or {@link #SKIPPED} (keep forever, no store, or the store failed) */
    int run() {
        int keepDays = days;
        if (keepDays == 0) {
            return SKIPPED;
        }
        ChatLogStore s = store.get();
        if (s == null) {
            LOG.debug("chat log retention: no store bound; skipped");
            return SKIPPED;
        }
        Instant cutoff = clock.instant().minus(keepDays, ChronoUnit.DAYS);
        try {
            int deleted = s.deleteBefore(cutoff);
            LOG.info("chat log retention ({} days): deleted {} entr{} older than {} from {}", keepDays, deleted,
                    deleted == 1 ? "y" : "ies", cutoff, ChatLogWriter.describe(s));
            return deleted;
        } catch (RuntimeException e) {
            LOG.warn("chat log retention: store {} failed to delete entries older than {} ({}); retried tomorrow or when "
                    + "a store is bound", ChatLogWriter.describe(s), cutoff, e.toString());
            return SKIPPED;
        }
    }
}
