package org.openst.features;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline, checking it every 100 ms; no fixed sleeps. */
final class Await {
    /** Generous: Karaf's first start on a cold machine downloads SCR from Maven Central. */
    static final Duration DEADLINE = Duration.ofSeconds(120);

    private Await() {
    }

    static void until(String what, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + DEADLINE.toSeconds() + " s waiting for " + what + "; " + state.get());
            }
            LockSupport.parkNanos(100_000_000);
        }
    }
}
