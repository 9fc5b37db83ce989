package org.openst.storage.api;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where the Logger keeps statistics events. Methods may block; appended events are durable when
 * {@link #append} returns.
 *
 * @since 1.1
 */
@ProviderType
public interface StatisticsStore {

    void append(List<StatEvent> events);

    /** Totals per hour and kind of the events in [from, to), ordered by hour, then kind. */
    List<StatTotal> totalsPerHour(Instant from, Instant to);

    /** Deletes events older than {@code cutoff}. @return how many were deleted */
    int deleteBefore(Instant cutoff);
}
