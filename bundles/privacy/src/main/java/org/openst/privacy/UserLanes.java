package org.openst.privacy;

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
 * One serial lane of work per user on a small shared thread pool: the tasks of one user run one
 * after the other in submission order (so a user's lists are stored in the order they were set),
 * different users run in parallel (so one slow store call does not hold up every login).
 *
 * <p>Each lane also counts the <em>changes</em> submitted to it. A task learns through its
 * {@link Ticket} whether a change was submitted after it; a load started at login then knows that
 * its result is stale and must not overwrite the list the user set meanwhile.
 *
 * <p>A lane exists only while it has work, so idle users cost nothing. A task runs one at a time
 * per pool turn and goes to the back of the pool queue after each task, so a busy user cannot
 * starve the others.
 */
final class UserLanes {
    private static final Logger LOG = LoggerFactory.getLogger(UserLanes.class);

    /** Work for one user. */
    interface Task {
        void run(Ticket ticket);
    }

    /** A running task's view of its lane. */
    final class Ticket {
        private final Lane lane;
        private final long changesAtSubmit;

        private Ticket(Lane lane, long changesAtSubmit) {
            this.lane = lane;
            this.changesAtSubmit = changesAtSubmit;
        }

        /**
         * True when a change for the same user was submitted after this task; that change's own
         * task runs later and has the last word. Only meaningful while the task runs (the lane
         * lives at least that long).
         */
        boolean superseded() {
            synchronized (UserLanes.this) {
                return lane.changes != changesAtSubmit;
            }
        }
    }

    private static final class Lane {
        final String userId;
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        long changes;

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
     * @param change true when the task stores a change: earlier tasks of the lane then see
     *               {@link Ticket#superseded()}
     * @return false when the lanes are closed and the task was dropped
     */
    synchronized boolean submit(String userId, boolean change, Task task) {
        if (closed) {
            return false;
        }
        Lane lane = lanes.get(userId);
        boolean idle = lane == null;
        if (idle) {
            lane = new Lane(userId);
            lanes.put(userId, lane);
        }
        if (change) {
            lane.changes++;
        }
        Ticket ticket = new Ticket(lane, lane.changes);
        lane.tasks.add(() -> task.run(ticket));
        unfinished++;
        if (idle) {
            Lane scheduled = lane;
            pool.execute(() -> runNext(scheduled));
        } // else the lane is already scheduled or running and picks the task up in turn
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
            LOG.error("privacy: task for user {} failed", lane.userId, e);
        } finally {
            synchronized (this) {
                lane.tasks.poll();
                unfinished--;
                if (lane.tasks.isEmpty()) {
                    lanes.remove(lane.userId);
                } else if (!pool.isShutdown()) {
                    pool.execute(() -> runNext(lane)); // back of the queue: fair to other users
                }
                notifyAll();
            }
        }
    }

    /** How many tasks of a user are queued or running (for tests). */
    synchronized int queued(String userId) {
        Lane lane = lanes.get(userId);
        return lane == null ? 0 : lane.tasks.size();
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
