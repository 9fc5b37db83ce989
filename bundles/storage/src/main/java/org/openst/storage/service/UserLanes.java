package org.openst.storage.service;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One serial lane of work per user on a shared thread pool, so that the network threads never
 * wait for the database. Requests of one user run one after the other in arrival order; that
 * answers each channel in request order (spec §6.6: several requests may be outstanding), makes
 * a quota check and the save that follows it atomic for the user, and orders STORAGE_CHANGED
 * notices after the answers that caused them. Different users run in parallel.
 *
 * <p>A lane exists only while it has work. After each task the lane goes to the back of the pool
 * queue, so one busy user cannot starve the others.
 */
final class UserLanes {
    private static final Logger LOG = LoggerFactory.getLogger(UserLanes.class);

    private static final class Lane {
        final String userId;
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        Lane(String userId) {
            this.userId = userId;
        }
    }

    private final ThreadPoolExecutor pool;
    private final Map<String, Lane> lanes = new HashMap<>(); // guarded by this; a lane is here while it has tasks
    private boolean closed; // guarded by this
    private int unfinished; // submitted and not yet finished, guarded by this

    UserLanes(String threadNamePrefix, int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, threadNamePrefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
    }

    /** Changes the number of pool threads (configuration update). */
    void resize(int threads) {
        if (threads > pool.getMaximumPoolSize()) {
            pool.setMaximumPoolSize(threads);
            pool.setCorePoolSize(threads);
        } else {
            pool.setCorePoolSize(threads);
            pool.setMaximumPoolSize(threads);
        }
    }

    /**
     * Queues a task at the end of the user's lane.
     *
     * @return false when the lanes are closed and the task was dropped
     */
    synchronized boolean submit(String userId, Runnable task) {
        if (closed) {
            return false;
        }
        Lane lane = lanes.get(userId);
        unfinished++;
        if (lane != null) {
            lane.tasks.add(task); // the lane is already scheduled or running
            return true;
        }
        lane = new Lane(userId);
        lane.tasks.add(task);
        lanes.put(userId, lane);
        Lane scheduled = lane;
        pool.execute(() -> runNext(scheduled));
        return true;
    }

    private void runNext(Lane lane) {
        Runnable next;
        synchronized (this) {
            next = lane.tasks.peek(); // stays queued while it runs, so the lane stays registered
        }
        try {
            next.run();
        } catch (RuntimeException e) {
            LOG.error("storage: task for user {} failed", lane.userId, e);
        } finally {
            synchronized (this) {
                lane.tasks.poll();
                unfinished--;
                if (lane.tasks.isEmpty()) {
                    lanes.remove(lane.userId);
                } else if (!pool.isShutdown()) {
                    pool.execute(() -> runNext(lane));
                }
                notifyAll();
            }
        }
    }

    /**
     * Refuses new tasks, waits up to {@code timeout} for the queued ones, then stops the pool.
     *
     * @return how many tasks were still unfinished when the wait ended (0 = all done)
     */
    int close(Duration timeout) {
        synchronized (this) {
            closed = true;
            long deadline = System.nanoTime() + timeout.toNanos();
            long wait;
            while (unfinished > 0 && (wait = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            // Under the lock, so that runNext never hands work to a pool that is shutting down.
            if (unfinished == 0) {
                pool.shutdown();
            } else {
                pool.shutdownNow();
            }
            return unfinished;
        }
    }
}
