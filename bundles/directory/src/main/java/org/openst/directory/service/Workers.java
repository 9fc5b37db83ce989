package org.openst.directory.service;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The bounded pool that runs directory calls off the hub's network threads. */
final class Workers {

    private Workers() {
    }

    /**
     * @param name      thread name prefix
     * @param threads   worker threads (at least 1)
     * @param queueSize channels that may wait for a worker (at least 1); beyond that requests are answered "busy"
     */
    static ExecutorService create(String name, int threads, int queueSize) {
        if (threads < 1 || queueSize < 1) {
            throw new IllegalArgumentException("threads and queue.size must be at least 1, not " + threads + " and " + queueSize);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueSize), r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true); // idle services hold no threads
        return pool;
    }
}
