package org.openst.places.service;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One serial lane of work per place name on a small shared pool: the place is the seed's "single
 * synchronization point". Every event of a place (entries, messages, leaves, activity calls, the
 * end of its definition's loading) runs on its lane, one at a time, in the order submitted, so
 * every member and every activity sees one order and the place's state needs no lock. The
 * network threads only submit. Different places run in parallel; after each task a lane goes to
 * the back of the pool queue, so a busy place cannot starve the others.
 *
 * <p>Lanes are keyed by name, not by place object, so a place that closes and opens again keeps
 * its order across the two lives.
 */
final class PlaceLanes {
    private static final Logger LOG = LoggerFactory.getLogger(PlaceLanes.class);

    private static final class Lane {
        final String name;
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>(); // the head is running or scheduled

        Lane(String name) {
            this.name = name;
        }
    }

    private final ThreadPoolExecutor pool;
    private final Map<String, Lane> lanes = new HashMap<>(); // guarded by this; a lane is here while it has tasks
    private boolean closed; // guarded by this

    PlaceLanes(String threadName, int threads) {
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, threadName + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Queues a task at the end of the place's lane.
     *
     * @return false when the lanes are closed and the task was dropped
     */
    synchronized boolean submit(String placeName, Runnable task) {
        if (closed) {
            return false;
        }
        Lane lane = lanes.computeIfAbsent(placeName, Lane::new);
        lane.tasks.add(task);
        if (lane.tasks.size() == 1) {
            pool.execute(() -> runHead(lane));
        }
        return true;
    }

    private void runHead(Lane lane) {
        Runnable task;
        synchronized (this) {
            task = lane.tasks.peek();
        }
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("places: a task of place '{}' failed", lane.name, e);
        } finally {
            synchronized (this) {
                lane.tasks.poll();
                if (lane.tasks.isEmpty()) {
                    lanes.remove(lane.name);
                    notifyAll();
                } else if (!pool.isShutdown()) {
                    pool.execute(() -> runHead(lane));
                }
            }
        }
    }

    /**
     * Refuses new tasks, lets the queued ones finish (at most {@code timeout}), then stops the pool.
     *
     * @return true when every queued task ran
     */
    boolean close(Duration timeout) {
        synchronized (this) {
            closed = true;
            long deadline = System.nanoTime() + timeout.toNanos();
            long left;
            while (!lanes.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            boolean drained = lanes.isEmpty();
            // Under the lock: runHead never hands a task to a pool that is shutting down.
            if (drained) {
                pool.shutdown();
            } else {
                pool.shutdownNow();
            }
            return drained;
        }
    }
}
