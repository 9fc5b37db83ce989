package org.openst.logger.impl;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openst.storage.api.StatEvent;

/**
 * Rows waiting to be written to the store, oldest first, at most {@code capacity} of them. Rows of
 * the same (kind, minute) are merged, so an outage of the store costs one row per kind and minute.
 * When full, the oldest rows are dropped and counted. Not thread-safe: {@link StatisticsLog} guards it.
 */
final class PendingRows {
    /** What {@link #addAll} had to drop. */
    record Dropped(int rows, long events) {
        static final Dropped NONE = new Dropped(0, 0);
    }

    private int capacity;
    private final LinkedHashMap<MinuteKey, Long> rows = new LinkedHashMap<>();

    PendingRows(int capacity) {
        setCapacity(capacity);
    }

    /** A new limit; a smaller one drops the oldest rows at the next {@link #addAll}. */
    void setCapacity(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    Dropped addAll(Map<MinuteKey, Long> more) {
        for (Map.Entry<MinuteKey, Long> e : more.entrySet()) {
            rows.merge(e.getKey(), e.getValue(), Long::sum);
        }
        int rowsDropped = 0;
        long eventsDropped = 0;
        Iterator<Long> oldest = rows.values().iterator();
        while (rows.size() > capacity) {
            eventsDropped += oldest.next();
            oldest.remove();
            rowsDropped++;
        }
        return rowsDropped == 0 ? Dropped.NONE : new Dropped(rowsDropped, eventsDropped);
    }

    /** The oldest {@code max} rows as events, left in place until {@link #removeFirst}. */
    List<StatEvent> first(int max) {
        List<StatEvent> batch = new ArrayList<>(Math.min(max, rows.size()));
        for (Map.Entry<MinuteKey, Long> e : rows.entrySet()) {
            if (batch.size() == max) {
                break;
            }
            batch.add(e.getKey().event(e.getValue()));
        }
        return batch;
    }

    void removeFirst(int n) {
        Iterator<MinuteKey> it = rows.keySet().iterator();
        for (int i = 0; i < n && it.hasNext(); i++) {
            it.next();
            it.remove();
        }
    }

    /** Every waiting row as an event. */
    List<StatEvent> all() {
        return first(rows.size());
    }

    int size() {
        return rows.size();
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }
}
