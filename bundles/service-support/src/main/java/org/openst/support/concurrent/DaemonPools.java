package org.openst.support.concurrent;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fixed-size pools the service bundles run their blocking work on (storage, directory),
 * away from the hub's network threads. Their threads are daemons named {@code <name>-<n>}, so a
 * thread dump says which bundle owns them and a forgotten pool never keeps the JVM alive, and they
 * time out when idle, so a stopped or idle service holds no threads.
 */
public final class DaemonPools {

    /** How long an idle thread lives. */
    private static final long KEEP_ALIVE_SECONDS = 60;

    private DaemonPools() {
    }

    /**
     * A pool with an unbounded queue: every task is taken.
     *
     * @param name    thread name prefix
     * @param threads worker threads (at least 1)
     */
    public static ThreadPoolExecutor unbounded(String name, int threads) {
        requireAtLeastOne("threads", threads);
        return create(name, threads, new LinkedBlockingQueue<>());
    }

    /**
     * A pool whose queue holds at most {@code queueSize} tasks; beyond that {@code execute} throws
     * {@link java.util.concurrent.RejectedExecutionException}, so the caller can answer "busy".
     *
     * @param name      thread name prefix
     * @param threads   worker threads (at least 1)
     * @param queueSize tasks that may wait for a worker (at least 1)
     */
    public static ThreadPoolExecutor bounded(String name, int threads, int queueSize) {
        requireAtLeastOne("threads", threads);
        requireAtLeastOne("queue size", queueSize);
        return create(name, threads, new ArrayBlockingQueue<>(queueSize));
    }

    private static ThreadPoolExecutor create(String name, int threads, BlockingQueue<Runnable> queue) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS, queue,
                daemonThreads(name), new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true); // idle services hold no threads
        return pool;
    }

    /** Daemon threads named {@code <name>-1}, {@code <name>-2}, ... */
    public static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static void requireAtLeastOne(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, not " + value);
        }
    }
}
