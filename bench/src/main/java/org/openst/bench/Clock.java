package org.openst.bench;

import java.time.Instant;

/**
 * Times that several processes compare. {@link System#nanoTime()} is only compared within one
 * process (a sender and its receiver always share one); across processes (the fan-out's status
 * change and its watchers) the wall clock is used, which all processes of one machine share.
 */
public final class Clock {
    private Clock() {
    }

    /** Microseconds since the epoch, from the machine's real-time clock. */
    public static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
