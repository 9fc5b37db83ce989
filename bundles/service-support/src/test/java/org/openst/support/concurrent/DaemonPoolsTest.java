package org.openst.support.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class DaemonPoolsTest {

    @Test
    void threadsAreNamedDaemonsThatTimeOutWhenIdle() throws Exception {
        ThreadPoolExecutor pool = DaemonPools.unbounded("openst-test", 2);
        try {
            AtomicReference<Thread> thread = new AtomicReference<>();
            CountDownLatch ran = new CountDownLatch(1);
            pool.execute(() -> {
                thread.set(Thread.currentThread());
                ran.countDown();
            });
            assertTrue(ran.await(10, TimeUnit.SECONDS));
            assertEquals("openst-test-1", thread.get().getName());
            assertTrue(thread.get().isDaemon());
            assertTrue(pool.allowsCoreThreadTimeOut());
            assertEquals(2, pool.getMaximumPoolSize());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBoundedPoolRefusesBeyondItsQueue() throws Exception {
        ThreadPoolExecutor pool = DaemonPools.bounded("openst-test", 1, 1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            pool.execute(() -> {
                started.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertTrue(started.await(10, TimeUnit.SECONDS));
            pool.execute(() -> { }); // the queue of one
            assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> { }));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void boundsBelowOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DaemonPools.unbounded("x", 0));
        assertThrows(IllegalArgumentException.class, () -> DaemonPools.bounded("x", 1, 0));
        assertThrows(IllegalArgumentException.class, () -> KeyedSerialExecutor.bounded("x", 1, 1, 0));
    }
}
