package org.openst.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Errors seen by one worker: counted, the first few kept as text for the report (and every one
 * logged to the worker's log).
 */
final class Errors {
    private static final int SAMPLES = 5;
    private final AtomicLong count = new AtomicLong();
    private final List<String> samples = new ArrayList<>();

    void add(String what) {
        count.incrementAndGet();
        System.err.println("ERROR " + what);
        synchronized (samples) {
            if (samples.size() < SAMPLES) {
                samples.add(what);
            }
        }
    }

    void add(String what, Throwable t) {
        add(what + ": " + t);
    }

    long count() {
        return count.get();
    }

    String samples() {
        synchronized (samples) {
            return String.join(" | ", samples);
        }
    }

    void reset() {
        count.set(0);
        synchronized (samples) {
            samples.clear();
        }
    }
}
