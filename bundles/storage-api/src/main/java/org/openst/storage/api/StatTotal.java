package org.openst.storage.api;

import java.time.Instant;

/**
 * The total of one kind of statistics event in one hour.
 *
 * @param hour  the start of the hour (UTC)
 * @param kind  the event kind
 * @param total the sum of the counts
 * @since 1.1
 */
public record StatTotal(Instant hour, String kind, long total) {
}
