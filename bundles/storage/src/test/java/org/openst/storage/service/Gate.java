package org.openst.storage.service;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Holds store calls until the test opens it, and counts the calls that arrived. */
final class Gate {
    private final CountDownLatch open = new CountDownLatch(1);
    private final AtomicInteger entered = new AtomicInteger();

    /** Called by the store double: waits (at most 10 s, so a broken test cannot hang) until opened. */
    void pass() {
        entered.incrementAndGet();
        try {
            if (!open.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int entered() {
        return entered.get();
    }

    void open() {
        open.countDown();
    }
}
