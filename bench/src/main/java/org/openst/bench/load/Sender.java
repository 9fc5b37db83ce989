package org.openst.bench.load;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A thread that sends on a set of flows, in one of two modes:
 * <ul>
 * <li>closed loop (maximum rate): every flow keeps {@code window} messages in flight; a receiver
 * wakes the sender when its flow's window opens;</li>
 * <li>open loop (fixed rate): bursts of {@code batch} messages (one write) are due at fixed
 * intervals, round robin over the flows, whatever the answers; each message carries the time it
 * was <em>due</em>, so a sender that falls behind does not hide the delay (no coordinated
 * omission).</li>
 * </ul>
 */
final class Sender extends Thread {
    private final List<Flow> flows;
    private final int window;
    private final int batch;
    private final double ratePerSecond;
    private final long endNanos;
    volatile boolean waiting;
    private volatile boolean stop;

    /**
     * @param batch closed loop: at most this many messages of one flow go out with one write
     * @param ratePerSecond 0 for the closed loop
     */
    Sender(String name, List<Flow> flows, int window, int batch, double ratePerSecond, long endNanos) {
        super(name);
        setDaemon(true);
        this.flows = flows;
        this.window = window;
        this.batch = Math.max(1, batch);
        this.ratePerSecond = ratePerSecond;
        this.endNanos = endNanos;
        for (Flow f : flows) {
            f.sender = this;
        }
    }

    void wake() {
        waiting = false;
        LockSupport.unpark(this);
    }

    void halt() {
        stop = true;
        LockSupport.unpark(this);
    }

    @Override
    public void run() {
        if (flows.isEmpty()) {
            return;
        }
        if (ratePerSecond > 0) {
            openLoop();
        } else {
            closedLoop();
        }
    }

    private boolean running() {
        return !stop && System.nanoTime() - endNanos < 0;
    }

    private void closedLoop() {
        while (running()) {
            boolean sent = false;
            for (Flow f : flows) {
                int room;
                while ((room = window - f.outstanding.get()) > 0 && running()) {
                    if (!f.sendBurst(Math.min(room, batch), System.nanoTime())) {
                        break;
                    }
                    sent = true;
                }
            }
            if (!sent) {
                waiting = true;
                if (!anyOpen()) {
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));
                }
                waiting = false;
            }
        }
    }

    private boolean anyOpen() {
        for (Flow f : flows) {
            if (f.outstanding.get() < window && !f.failed()) {
                return true;
            }
        }
        return false;
    }

    private void openLoop() {
        double interval = 1e9 * batch / ratePerSecond;
        long start = System.nanoTime();
        long k = 0;
        int i = 0;
        while (running()) {
            long due = start + (long) (k * interval);
            long now = System.nanoTime();
            if (due - now > 0) {
                LockSupport.parkNanos(this, due - now);
                continue;
            }
            flows.get(i).sendBurst(batch, due);
            i = i + 1 == flows.size() ? 0 : i + 1;
            k++;
        }
    }
}
