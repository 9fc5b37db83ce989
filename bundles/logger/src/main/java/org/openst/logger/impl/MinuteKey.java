package org.openst.logger.impl;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.openst.storage.api.StatEvent;

/**
 * One row of the statistics: a kind in one UTC minute. An aggregated event is stored with the
 * START of its minute as {@code at}, so that it always falls in the hour its events happened in
 * (the end of 10:59 would be 11:00, the next hour) and totals per hour come out exact.
 */
record MinuteKey(Instant minute, String kind) {

    static MinuteKey of(Instant at, String kind) {
        return new MinuteKey(at.truncatedTo(ChronoUnit.MINUTES), kind);
    }

    StatEvent event(long count) {
        return new StatEvent(minute, kind, count);
    }
}
