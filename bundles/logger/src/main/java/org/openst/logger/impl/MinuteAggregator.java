package org.openst.logger.impl;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts events per (kind, minute) in memory until the next flush, so that a burst of a thousand
 * logins becomes one row. Called on the hub's network threads: one short lock, no I/O.
 */
final class MinuteAggregator {
    private final Object lock = new Object();
    private LinkedHashMap<MinuteKey, Long> counts = new LinkedHashMap<>();

    void add(Instant at, String kind, long count) {
        if (count <= 0) {
            return;
        }
        MinuteKey key = MinuteKey.of(at, kind);
        synchronized (lock) {
            counts.merge(key, count, Long::sum);
        }
    }

    /** Takes everything counted so far, in the order the rows first appeared, and starts afresh. */
    Map<MinuteKey, Long> drain() {
        synchronized (lock) {
            if (counts.isEmpty()) {
                return Map.of();
            }
            Map<MinuteKey, Long> taken = counts;
            counts = new LinkedHashMap<>();
            return taken;
        }
    }
}
