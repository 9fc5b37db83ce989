package org.openst.logger.impl;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the hub's running message counts ({@code Community.messageCounts()}, counted since the hub
 * started) into deltas per sampling interval.
 *
 * <p>The first sample is only a baseline: the counts before it happened at unknown times, and were
 * logged already if this is a restart of the Logger. A delta covers [previous sample, this
 * sample) and is booked at the previous sample's time: with samples on whole multiples of the
 * interval ({@link #firstDelay}) and an interval that divides an hour, every interval lies inside
 * one hour and the hourly totals come out right.
 */
final class MessageSampler {
    /** One service type's delta, booked at {@code at}. */
    record Delta(Instant at, int serviceType, long count) {
    }

    private Map<Integer, Long> previous;
    private Instant previousAt;

    /**
     * @return the non-zero deltas since the previous sample, by service type; empty for the first
     */
    synchronized List<Delta> sample(Map<Integer, Long> counts, Instant now) {
        Map<Integer, Long> current = new HashMap<>(counts);
        List<Delta> deltas = new ArrayList<>();
        if (previous != null) {
            for (Map.Entry<Integer, Long> e : new TreeMap<>(current).entrySet()) {
                long before = previous.getOrDefault(e.getKey(), 0L);
                long after = e.getValue();
                // A count below the previous one means the counter restarted: all of it is new.
                long delta = after >= before ? after - before : after;
                if (delta > 0) {
                    deltas.add(new Delta(previousAt, e.getKey(), delta));
                }
            }
        }
        previous = current;
        previousAt = now;
        return deltas;
    }

    /** The delay from {@code now} to the next whole multiple of {@code interval} since the epoch. */
    static Duration firstDelay(Instant now, Duration interval) {
        long periodMs = interval.toMillis();
        long nowMs = now.toEpochMilli();
        long next = Math.floorDiv(nowMs, periodMs) * periodMs + periodMs;
        return Duration.ofMillis(next - nowMs);
    }
}
