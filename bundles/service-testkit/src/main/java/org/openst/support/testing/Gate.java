package org.openst.support.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds the calls of a test double (a store, a directory) until the test opens it, and counts the
 * calls that arrived, so a test can make work queue up behind a slow call without sleeping.
 */
public final class Gate {
    /** Long enough for a loaded machine; a broken test still cannot hang. */
    private static final long MAX_WAIT_SECONDS = 20;

    private final CountDownLatch open = new CountDownLatch(1);
    private final AtomicInteger entered = new AtomicInteger();

    /** Called by the double: counts the call, then waits until opened. */
    public void pass() {
        entered.incrementAndGet();
        try {
            if (!open.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Calls that arrived so far, waiting or through. */
    public int entered() {
        return entered.get();
    }

    /** Lets the waiting calls and all later ones through. */
    public void open() {
        open.countDown();
    }
}
