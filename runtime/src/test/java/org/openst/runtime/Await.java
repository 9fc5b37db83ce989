package org.openst.runtime;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline, checking every few milliseconds; no fixed sleeps. */
final class Await {
    static final Duration DEADLINE = Duration.ofSeconds(60);

    private Await() {
    }

    static void until(String what, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + DEADLINE.toSeconds() + " s waiting for " + what + "; " + state.get());
            }
            LockSupport.parkNanos(20_000_000);
        }
    }
}
