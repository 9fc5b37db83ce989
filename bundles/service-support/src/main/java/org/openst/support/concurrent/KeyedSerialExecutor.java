package org.openst.support.concurrent;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One serial lane of work per key (a user, a place, a client channel) on a shared pool: the tasks
 * of one key run one at a time in submission order, different keys run in parallel. The hub's
 * network threads only submit; the blocking work runs on the pool.
 *
 * <ul>
 * <li><b>Lanes live while they have work.</b> A key with nothing queued or running costs nothing;
 * its lane is made again by the next task.</li>
 * <li><b>Fairness.</b> After {@code batch} tasks a lane goes to the back of the pool queue, so a
 * busy key cannot starve the others.</li>
 * <li><b>Bounds</b> ({@link #bounded}). The pool queue holds at most one entry per lane, so its
 * size bounds the keys waiting for a worker; when it is full a new key's task is refused
 * ({@link Offer#BUSY}) and the caller answers at once, which keeps the key's order since nothing of
 * it is pending. A lane already running that cannot re-queue itself keeps its worker rather than
 * strand its tasks. Each lane holds at most {@code maxPending} waiting tasks ({@link Offer#FULL}).</li>
 * <li><b>Supersession.</b> A task may be submitted as a <em>change</em>; an earlier task of the same
 * key learns through its {@link Ticket} that a change follows it (its result is stale, the change
 * has the last word).</li>
 * <li><b>Stopping.</b> {@link #cancel} drops what a key has not started; {@link #close} refuses new
 * tasks, waits a while for the queued ones and then stops the pool (interrupting what still
 * runs). Once the pool is stopped no lane starts another task.</li>
 * </ul>
 *
 * <p>A task that throws is logged (ERROR: tasks answer their own failures, so it is a bug) and the
 * lane goes on with the next one. Keys are compared with {@code equals}.
 *
 * @param <K> what a lane is keyed by
 */
public final class KeyedSerialExecutor<K> {

    private static final Logger LOG = LoggerFactory.getLogger(KeyedSerialExecutor.class);
    /** Tasks a lane of a bounded executor runs before it hands the worker to the next lane. */
    static final int BOUNDED_BATCH = 16;

    /** What became of an offered task. */
    public enum Offer {
        /** Queued: it runs after the key's earlier tasks. */
        QUEUED,
        /** Not queued: the pool is full and nothing of this key is pending, so the caller may answer at once. */
        BUSY,
        /** Not queued: the key already has {@code maxPending} tasks waiting. */
        FULL,
        /** Not queued: the key was {@linkplain #cancel cancelled} while one of its tasks still ran. */
        CANCELLED,
        /** Not queued: the executor is {@linkplain #close closed}. */
        CLOSED
    }

    /** Work that wants to know whether a change of its key follows it. */
    @FunctionalInterface
    public interface Task {
        void run(Ticket ticket);
    }

    /** A running task's view of its lane. */
    public static final class Ticket {
        private final KeyedSerialExecutor<?> owner;
        private final Lane<?> lane;
        private final long changesAtSubmit;

        private Ticket(KeyedSerialExecutor<?> owner, Lane<?> lane, long changesAtSubmit) {
            this.owner = owner;
            this.lane = lane;
            this.changesAtSubmit = changesAtSubmit;
        }

        /**
         * True when a change for the same key was submitted after this task; that change's own
         * task runs later and has the last word. Only meaningful while the task runs (the lane
         * lives at least that long).
         */
        public boolean superseded() {
            synchronized (owner) {
                return lane.changes != changesAtSubmit;
            }
        }
    }

    /** The tasks of one key. Guarded by the executor. */
    private static final class Lane<K> {
        final K key;
        final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
        /** A task of this lane is running (it is no longer in {@link #waiting}). */
        boolean running;
        boolean cancelled;
        long changes;

        Lane(K key) {
            this.key = key;
        }
    }

    private final String name;
    private final ThreadPoolExecutor pool;
    private final int maxPending;
    private final int batch;
    /** Guarded by this. A lane is here exactly while a drain of it is in the pool queue or running. */
    private final Map<K, Lane<K>> lanes = new HashMap<>();
    private boolean closed; // guarded by this
    private int unfinished; // queued or running tasks, guarded by this

    private KeyedSerialExecutor(String name, ThreadPoolExecutor pool, int maxPending, int batch) {
        this.name = name;
        this.pool = pool;
        this.maxPending = maxPending;
        this.batch = batch;
    }

    /**
     * Lanes that take every task, each lane one task per pool turn: for work that must not be
     * lost, such as a user's stores.
     *
     * @param name    names the threads ({@code name-1}, ...) and the log lines
     * @param threads pool threads (at least 1)
     */
    public static <K> KeyedSerialExecutor<K> unbounded(String name, int threads) {
        return new KeyedSerialExecutor<>(name, DaemonPools.unbounded(name, threads), Integer.MAX_VALUE, 1);
    }

    /**
     * Lanes with bounds, for requests a client may flood: at most {@code waitingKeys} keys wait for a
     * worker ({@link Offer#BUSY} beyond), and at most {@code maxPending} tasks wait in one lane
     * ({@link Offer#FULL} beyond). A lane runs up to {@value #BOUNDED_BATCH} tasks per pool turn.
     *
     * @param name        names the threads ({@code name-1}, ...) and the log lines
     * @param threads     pool threads (at least 1)
     * @param waitingKeys keys that may wait for a worker (at least 1)
     * @param maxPending  tasks that may wait in one lane (at least 1)
     */
    public static <K> KeyedSerialExecutor<K> bounded(String name, int threads, int waitingKeys, int maxPending) {
        DaemonPools.requireAtLeastOne("maximum pending tasks", maxPending);
        return new KeyedSerialExecutor<>(name, DaemonPools.bounded(name, threads, waitingKeys), maxPending,
                BOUNDED_BATCH);
    }

    /**
     * Queues a task at the end of the key's lane.
     *
     * @return {@code true} when it was queued
     */
    public boolean submit(K key, Runnable task) {
        return offer(key, task) == Offer.QUEUED;
    }

    /**
     * Queues a task at the end of the key's lane.
     *
     * @param change true when the task stores a change: earlier tasks of the lane then see
     *               {@link Ticket#superseded()}
     * @return {@code true} when it was queued
     */
    public boolean submit(K key, boolean change, Task task) {
        return offer(key, change, task) == Offer.QUEUED;
    }

    /** Queues a task at the end of the key's lane, or says why not. */
    public Offer offer(K key, Runnable task) {
        return offer(key, false, ticket -> task.run());
    }

    /** Queues a task at the end of the key's lane, or says why not; see {@link #submit(Object, boolean, Task)}. */
    public synchronized Offer offer(K key, boolean change, Task task) {
        if (closed) {
            return Offer.CLOSED;
        }
        Lane<K> lane = lanes.get(key);
        if (lane != null && lane.cancelled) {
            return Offer.CANCELLED;
        }
        if (lane != null && lane.waiting.size() >= maxPending) {
            return Offer.FULL;
        }
        boolean idle = lane == null;
        if (idle) {
            lane = new Lane<>(key);
        }
        if (change) {
            lane.changes++;
        }
        Ticket ticket = new Ticket(this, lane, lane.changes);
        lane.waiting.addLast(() -> task.run(ticket));
        if (idle) {
            Lane<K> scheduled = lane;
            try {
                pool.execute(() -> drain(scheduled));
            } catch (RejectedExecutionException e) {
                return Offer.BUSY; // nothing else of the key was pending: answering now keeps the order
            }
            lanes.put(key, lane);
        } // else the lane is queued in the pool or running and takes the task in turn
        unfinished++;
        return Offer.QUEUED;
    }

    /**
     * Drops the tasks of the key that have not started. Until the one running (if any) ends, further
     * offers for the key are {@link Offer#CANCELLED}; after that the key starts afresh.
     */
    public synchronized void cancel(K key) {
        Lane<K> lane = lanes.get(key);
        if (lane != null) {
            lane.cancelled = true;
            discardWaiting(lane);
        }
    }

    /** How many tasks of a key are queued or running. */
    public synchronized int queued(K key) {
        Lane<K> lane = lanes.get(key);
        return lane == null ? 0 : lane.waiting.size() + (lane.running ? 1 : 0);
    }

    /** Changes the number of pool threads (configuration update). */
    public synchronized void resize(int threads) {
        DaemonPools.requireAtLeastOne("threads", threads);
        // In this order the core size never exceeds the maximum, which the pool would refuse.
        if (threads > pool.getMaximumPoolSize()) {
            pool.setMaximumPoolSize(threads);
            pool.setCorePoolSize(threads);
        } else {
            pool.setCorePoolSize(threads);
            pool.setMaximumPoolSize(threads);
        }
    }

    /**
     * Refuses new tasks, waits up to {@code timeout} for the queued ones to finish, then stops the
     * pool: gently when all are done, otherwise interrupting the running ones and dropping the rest.
     * An interrupt of the calling thread ends the wait early (and stays set).
     *
     * @return how many tasks were still unfinished when the wait ended (0 = all done)
     */
    public int close(Duration timeout) {
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
            int left = unfinished;
            // Under the lock, so that no lane takes another task once the pool is stopping.
            if (left == 0) {
                pool.shutdown();
            } else {
                pool.shutdownNow();
            }
            return left;
        }
    }

    /** Runs a lane's tasks on a pool thread: up to {@code batch}, then back to the end of the pool queue. */
    private void drain(Lane<K> lane) {
        while (true) {
            for (int i = 0; i < batch; i++) {
                Runnable next = take(lane);
                if (next == null) {
                    return;
                }
                // Each task starts uninterrupted, as if the pool had run it alone; only a stopping
                // pool's interrupt (shutdownNow) is kept, as ThreadPoolExecutor itself does.
                if (Thread.interrupted() && pool.isShutdown()) {
                    Thread.currentThread().interrupt();
                }
                runOne(lane, next);
            }
            synchronized (this) {
                if (lane.waiting.isEmpty() || pool.isShutdown()) {
                    end(lane);
                    return;
                }
            }
            try {
                pool.execute(() -> drain(lane)); // the back of the queue: fair to the other keys
                return;
            } catch (RejectedExecutionException e) {
                // The pool queue is full (or the pool stopped, which take() sees): carry on here
                // rather than strand this lane's tasks.
            }
        }
    }

    /** The lane's next task, marked running; null when the lane has ended (empty, or the pool stopped). */
    private synchronized Runnable take(Lane<K> lane) {
        Runnable next = pool.isShutdown() ? null : lane.waiting.pollFirst();
        if (next == null) {
            end(lane);
            return null;
        }
        lane.running = true;
        return next;
    }

    private void runOne(Lane<K> lane, Runnable task) {
        boolean completed = false;
        try {
            task.run();
            completed = true;
        } catch (RuntimeException e) {
            completed = true;
            LOG.error("{}: a task for {} failed", name, lane.key, e);
        } finally {
            synchronized (this) {
                lane.running = false;
                unfinished--;
                notifyAll();
            }
            if (!completed) {
                // An Error leaves this thread; the lane's other tasks go on on another one.
                handOn(lane);
            }
        }
    }

    private void handOn(Lane<K> lane) {
        try {
            pool.execute(() -> drain(lane));
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                end(lane);
            }
        }
    }

    /** Guarded by this: the lane stops; anything it still holds is dropped (the pool stopped). */
    private void end(Lane<K> lane) {
        discardWaiting(lane);
        if (lanes.get(lane.key) == lane) {
            lanes.remove(lane.key);
        }
    }

    /** Guarded by this. */
    private void discardWaiting(Lane<K> lane) {
        if (!lane.waiting.isEmpty()) {
            unfinished -= lane.waiting.size();
            lane.waiting.clear();
            notifyAll();
        }
    }
}
