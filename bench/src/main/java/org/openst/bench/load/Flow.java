package org.openst.bench.load;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One direction of one pair: a sender writes numbered, time-stamped texts on its conversation and
 * the receiver, in the same process, checks the numbers and measures the latency.
 *
 * <p>Text format: {@code <flow>,<seq>,<System.nanoTime() of the send>,} padded with {@code x} to
 * the configured size. The timestamp is compared with {@code System.nanoTime()} on the receiver,
 * which runs in the same JVM.
 */
final class Flow {
    final int id;
    final ImEndpoint out;
    final ImLoad load;
    final AtomicInteger outstanding = new AtomicInteger();
    /** The thread that sends on this flow, woken when the window opens. */
    volatile Sender sender;

    // Sender side: only the sending thread writes these.
    private long nextSeq;
    private volatile long sent;
    private volatile boolean failed;

    // Receiver side: only the receiver's reader thread writes these.
    private long expectSeq;
    private volatile long received;
    private volatile long gaps;
    private volatile long reordered;

    Flow(int id, ImEndpoint out, ImLoad load) {
        this.id = id;
        this.out = out;
        this.load = load;
    }

    /** Sends the next message, stamped with {@code stampNanos}; false once the flow failed. */
    boolean send(long stampNanos) {
        if (failed) {
            return false;
        }
        outstanding.incrementAndGet(); // before the write: the answer may come first
        try {
            out.sendText(load.text(id, nextSeq, stampNanos));
            nextSeq++;
            sent = nextSeq;
            return true;
        } catch (IOException | RuntimeException e) {
            outstanding.decrementAndGet();
            failed = true;
            load.errors.add("flow " + id + ": send failed", e);
            return false;
        }
    }

    /** Sends {@code n} messages with one write, all stamped {@code stampNanos}; false once the flow failed. */
    boolean sendBurst(int n, long stampNanos) {
        if (n == 1) {
            return send(stampNanos);
        }
        if (failed) {
            return false;
        }
        java.util.List<String> texts = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            texts.add(load.text(id, nextSeq + i, stampNanos));
        }
        outstanding.addAndGet(n);
        try {
            out.sendTexts(texts);
            nextSeq += n;
            sent = nextSeq;
            return true;
        } catch (IOException | RuntimeException e) {
            outstanding.addAndGet(-n);
            failed = true;
            load.errors.add("flow " + id + ": send failed", e);
            return false;
        }
    }

    /** The receiver got message {@code seq} sent at {@code sentNanos}. */
    void delivered(long seq, long sentNanos, long now) {
        if (seq == expectSeq) {
            expectSeq++;
        } else if (seq > expectSeq) {
            gaps += seq - expectSeq; // a missing message; if it comes later it also counts as reordered
            expectSeq = seq + 1;
        } else {
            reordered++;
        }
        received++;
        load.received(now - sentNanos);
        outstanding.decrementAndGet();
        Sender s = sender;
        if (s != null && s.waiting) {
            s.wake();
        }
    }

    long sent() {
        return sent;
    }

    long received() {
        return received;
    }

    long gaps() {
        return gaps;
    }

    long reordered() {
        return reordered;
    }

    boolean failed() {
        return failed;
    }
}
