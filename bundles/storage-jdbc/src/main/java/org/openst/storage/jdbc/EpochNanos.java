package org.openst.storage.jdbc;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the chat log tables keep them: nanoseconds since 1970-01-01T00:00:00Z in a BIGINT.
 * A number needs no time zone (TIMESTAMP columns are read and written in the JVM's or the
 * session's zone, and H2 and PostgreSQL differ on that), compares and indexes the same on every
 * database, and gives back exactly the {@link Instant} that was stored. A long holds nanoseconds
 * from 1677 to 2262; {@link #MIN} and {@link #MAX} are round dates inside that range.
 */
final class EpochNanos {

    /** The earliest instant the chat log stores. */
    static final Instant MIN = Instant.parse("1678-01-01T00:00:00Z");

    /** The latest instant the chat log stores. */
    static final Instant MAX = Instant.parse("2262-01-01T00:00:00Z").minusNanos(1);

    static final long NANOS_PER_HOUR = ChronoUnit.HOURS.getDuration().toNanos();

    private static final long MIN_NANOS = exact(MIN);
    private static final long MAX_NANOS = exact(MAX);

    private EpochNanos() {
    }

    /**
     * For a value to store.
     *
     * @throws IllegalArgumentException when {@code at} is outside [{@link #MIN}, {@link #MAX}]
     */
    static long of(Instant at) {
        if (at.isBefore(MIN) || at.isAfter(MAX)) {
            throw new IllegalArgumentException(at + " is outside the stored range " + MIN + " to " + MAX);
        }
        return exact(at);
    }

    /**
     * For a bound of a query: an instant outside the stored range becomes one just outside it,
     * so a comparison with it gives what it would give with the instant itself.
     */
    static long bound(Instant at) {
        if (at.isBefore(MIN)) {
            return MIN_NANOS - 1;
        }
        if (at.isAfter(MAX)) {
            return MAX_NANOS + 1;
        }
        return exact(at);
    }

    static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** The start of the UTC hour of a stored value (hours are whole in UTC since 1972 and before). */
    static long hourStart(long nanos) {
        return Math.floorDiv(nanos, NANOS_PER_HOUR) * NANOS_PER_HOUR;
    }

    private static long exact(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }
}
