package org.openst.resolve;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests of one channel, run one at a time in arrival order on the service's shared,
 * bounded worker pool, so responses leave in request order while channels proceed in parallel.
 * At most one task per channel sits in the pool's queue, so the pool's queue bounds the number of
 * channels waiting, and {@code maxPending} bounds each channel's backlog.
 */
final class SerialQueue {

    private static final Logger LOG = LoggerFactory.getLogger(SerialQueue.class);
    /** Requests run before the worker is handed to the next channel. */
    private static final int BATCH = 16;

    /** What became of an offered task. */
    enum Offer {
        /** Queued; it will run after the channel's earlier tasks. */
        QUEUED,
        /** Not queued: the pool is full (or stopped) and nothing of this channel is pending, so the caller may answer at once. */
        BUSY,
        /** Not queued: the channel already has {@code maxPending} tasks waiting. */
        FULL
    }

    private final ExecutorService pool;
    private final int maxPending;
    private final ArrayDeque<Runnable> pending = new ArrayDeque<>(); // guarded by this
    private boolean scheduled;                                       // guarded by this: a drain is queued or running
    private boolean cancelled;                                       // guarded by this

    SerialQueue(ExecutorService pool, int maxPending) {
        this.pool = pool;
        this.maxPending = maxPending;
    }

    synchronized Offer offer(Runnable task) {
        if (cancelled) {
            return Offer.QUEUED; // the channel is gone: drop quietly
        }
        if (pending.size() >= maxPending) {
            return Offer.FULL;
        }
        pending.addLast(task);
        if (!scheduled) {
            try {
                pool.execute(this::drain);
                scheduled = true;
            } catch (RejectedExecutionException e) {
                pending.removeLast(); // nothing else was pending: answering now keeps the order
                return Offer.BUSY;
            }
        }
        return Offer.QUEUED;
    }

    /** Drops everything not yet started; later offers are ignored. */
    synchronized void cancel() {
        cancelled = true;
        pending.clear();
    }

    private void drain() {
        while (true) {
            for (int i = 0; i < BATCH; i++) {
                Runnable next;
                synchronized (this) {
                    next = pending.pollFirst();
                    if (next == null) {
                        scheduled = false;
                        return;
                    }
                }
                try {
                    next.run();
                } catch (RuntimeException e) {
                    LOG.error("A request task failed", e); // tasks answer their own failures; this is a bug
                }
            }
            synchronized (this) {
                if (pending.isEmpty()) {
                    scheduled = false;
                    return;
                }
                if (pool.isShutdown()) {
                    pending.clear(); // the component is going away; the hub closes the channels
                    scheduled = false;
                    return;
                }
            }
            try {
                pool.execute(this::drain); // let other channels have the worker
                return;
            } catch (RejectedExecutionException e) {
                // the pool's queue is full: carry on here rather than strand this channel's requests
            }
        }
    }
}
