package org.openst.support.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openst.support.concurrent.KeyedSerialExecutor.Offer;
import org.openst.support.testing.LogCapture;

import ch.qos.logback.classic.Level;

class KeyedSerialExecutorTest {

    private static final long WAIT = 10;

    private final List<KeyedSerialExecutor<String>> executors = new ArrayList<>();
    private final List<CountDownLatch> latches = new ArrayList<>();

    @AfterEach
    void stop() {
        latches.forEach(CountDownLatch::countDown); // never leave a worker blocked
        executors.forEach(e -> e.close(Duration.ZERO));
    }

    private KeyedSerialExecutor<String> unbounded(int threads) {
        KeyedSerialExecutor<String> e = KeyedSerialExecutor.unbounded("test-lanes", threads);
        executors.add(e);
        return e;
    }

    private KeyedSerialExecutor<String> bounded(int threads, int waitingKeys, int maxPending) {
        KeyedSerialExecutor<String> e = KeyedSerialExecutor.bounded("test-requests", threads, waitingKeys, maxPending);
        executors.add(e);
        return e;
    }

    private CountDownLatch latch() {
        CountDownLatch l = new CountDownLatch(1);
        latches.add(l);
        return l;
    }

    /** A task that says it started, then waits for {@code release}. */
    private static Runnable blocking(CountDownLatch started, CountDownLatch release) {
        return () -> {
            started.countDown();
            await(release);
        };
    }

    private static void await(CountDownLatch l) {
        try {
            assertTrue(l.await(WAIT, TimeUnit.SECONDS), "latch released in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void oneKeysTasksRunOneAtATimeInOrder() {
        KeyedSerialExecutor<String> lanes = unbounded(4);
        List<Integer> order = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean();
        AtomicBoolean overlapped = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(200);
        for (int i = 0; i < 200; i++) {
            int n = i;
            assertTrue(lanes.submit("alice", () -> {
                if (!running.compareAndSet(false, true)) {
                    overlapped.set(true);
                }
                order.add(n);
                running.set(false);
                done.countDown();
            }));
        }
        await(done);
        assertFalse(overlapped.get(), "never two tasks of one key at once");
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add(i);
        }
        assertEquals(expected, order);
    }

    @Test
    void differentKeysRunInParallelAndIdleKeysCostNothing() {
        KeyedSerialExecutor<String> lanes = unbounded(2);
        CountDownLatch aStarted = latch();
        CountDownLatch releaseA = latch();
        lanes.submit("a", blocking(aStarted, releaseA));
        lanes.submit("a", () -> { });
        await(aStarted);
        assertEquals(2, lanes.queued("a"), "the running task and the waiting one");

        CountDownLatch bDone = new CountDownLatch(1);
        lanes.submit("b", bDone::countDown);
        await(bDone); // b ran while a was blocked

        releaseA.countDown();
        assertTrue(awaitQueued(lanes, "a", 0));
        assertTrue(awaitQueued(lanes, "b", 0), "b's lane ends once its task has run");
    }

    private static boolean awaitQueued(KeyedSerialExecutor<String> lanes, String key, int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
        while (lanes.queued(key) != n) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    @Test
    void aBusyKeyGoesToTheBackOfThePoolQueueAfterEachTask() {
        KeyedSerialExecutor<String> lanes = unbounded(1);
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch started = latch();
        CountDownLatch release = latch();
        CountDownLatch done = new CountDownLatch(4);
        lanes.submit("a", () -> {
            blocking(started, release).run();
            order.add("a1");
            done.countDown();
        });
        await(started);
        lanes.submit("a", () -> {
            order.add("a2");
            done.countDown();
        });
        lanes.submit("a", () -> {
            order.add("a3");
            done.countDown();
        });
        lanes.submit("b", () -> {
            order.add("b1");
            done.countDown();
        });
        release.countDown();
        await(done);
        assertEquals(List.of("a1", "b1", "a2", "a3"), order);
    }

    @Test
    void aFullPoolRefusesANewKeyButNotAKeyWithTasksPending() {
        KeyedSerialExecutor<String> requests = bounded(1, 1, 100);
        CountDownLatch started = latch();
        CountDownLatch release = latch();
        assertEquals(Offer.QUEUED, requests.offer("a", blocking(started, release)));
        await(started);
        assertEquals(Offer.QUEUED, requests.offer("b", () -> { }), "waits in the pool queue of one");
        assertEquals(Offer.BUSY, requests.offer("c", () -> { }), "no worker and no room in the queue");
        assertEquals(0, requests.queued("c"), "a refused key leaves nothing behind");
        assertEquals(Offer.QUEUED, requests.offer("a", () -> { }), "a's lane takes it in turn");
        release.countDown();
        assertTrue(awaitQueued(requests, "b", 0));
        assertEquals(Offer.QUEUED, requests.offer("c", () -> { }), "served again once the workers are free");
    }

    @Test
    void aKeyWithMaxPendingTasksWaitingIsFull() {
        KeyedSerialExecutor<String> requests = bounded(1, 10, 2);
        CountDownLatch started = latch();
        CountDownLatch release = latch();
        requests.offer("a", blocking(started, release));
        await(started);
        assertEquals(Offer.QUEUED, requests.offer("a", () -> { }));
        assertEquals(Offer.QUEUED, requests.offer("a", () -> { }));
        assertEquals(Offer.FULL, requests.offer("a", () -> { }), "the running task does not count");
        assertEquals(Offer.QUEUED, requests.offer("b", () -> { }), "other keys are not affected");
    }

    @Test
    void aLaneThatCannotRequeueItselfKeepsItsWorker() {
        KeyedSerialExecutor<String> requests = bounded(1, 1, 100);
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch started = latch();
        CountDownLatch release = latch();
        int tasks = KeyedSerialExecutor.BOUNDED_BATCH + 4;
        CountDownLatch done = new CountDownLatch(tasks + 1);
        requests.offer("a", () -> {
            blocking(started, release).run();
            order.add("a");
            done.countDown();
        });
        await(started);
        for (int i = 1; i < tasks; i++) {
            requests.offer("a", () -> {
                order.add("a");
                done.countDown();
            });
        }
        requests.offer("b", () -> {
            order.add("b");
            done.countDown();
        }); // fills the pool queue: a's lane cannot go to its back after its batch
        release.countDown();
        await(done);
        assertEquals(tasks, order.indexOf("b"), "a's tasks all ran on its worker, then b");
    }

    @Test
    void cancelDropsWhatHasNotStarted() {
        KeyedSerialExecutor<String> requests = bounded(1, 10, 100);
        CountDownLatch started = latch();
        CountDownLatch release = latch();
        AtomicInteger ran = new AtomicInteger();
        requests.offer("a", blocking(started, release));
        await(started);
        requests.offer("a", ran::incrementAndGet);
        requests.offer("a", ran::incrementAndGet);
        requests.cancel("a");
        assertEquals(1, requests.queued("a"), "only the running task is left");
        assertEquals(Offer.CANCELLED, requests.offer("a", ran::incrementAndGet), "dropped while the key ends");
        release.countDown();
        assertTrue(awaitQueued(requests, "a", 0));
        CountDownLatch again = new CountDownLatch(1);
        assertEquals(Offer.QUEUED, requests.offer("a", again::countDown), "the key starts afresh");
        await(again);
        assertEquals(0, ran.get());
    }

    @Test
    void aTaskLearnsThatALaterChangeSupersedesIt() {
        KeyedSerialExecutor<String> lanes = unbounded(2);
        CountDownLatch started = latch();
        CountDownLatch release = latch();
        AtomicReference<Boolean> loadSuperseded = new AtomicReference<>();
        AtomicReference<Boolean> changeSuperseded = new AtomicReference<>();
        AtomicReference<Boolean> otherKeySuperseded = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(3);
        lanes.submit("alice", false, ticket -> {
            blocking(started, release).run();
            loadSuperseded.set(ticket.superseded());
            done.countDown();
        });
        await(started);
        lanes.submit("alice", true, ticket -> {
            changeSuperseded.set(ticket.superseded());
            done.countDown();
        });
        lanes.submit("bob", true, ticket -> {
            otherKeySuperseded.set(ticket.superseded());
            done.countDown();
        });
        release.countDown();
        await(done);
        assertTrue(loadSuperseded.get(), "a change of alice followed the load");
        assertFalse(changeSuperseded.get(), "nothing followed the change");
        assertFalse(otherKeySuperseded.get(), "bob's changes are bob's");
    }

    @Test
    void closeLetsTheQueuedTasksFinishAndRefusesNewOnes() {
        KeyedSerialExecutor<String> lanes = unbounded(1);
        CountDownLatch started = latch();
        CountDownLatch release = latch();
        AtomicInteger ran = new AtomicInteger();
        lanes.submit("a", blocking(started, release));
        lanes.submit("a", ran::incrementAndGet);
        lanes.submit("b", ran::incrementAndGet);
        await(started);
        AtomicInteger left = new AtomicInteger(-1);
        Thread closer = new Thread(() -> left.set(lanes.close(Duration.ofSeconds(WAIT))));
        closer.start();
        assertTrue(awaitState(closer, Thread.State.TIMED_WAITING), "close() waits for the queued tasks");
        assertEquals(Offer.CLOSED, lanes.offer("c", ran::incrementAndGet), "no new tasks once closing");
        release.countDown();
        join(closer);
        assertEquals(0, left.get());
        assertEquals(2, ran.get(), "the queued tasks ran");
        assertFalse(lanes.submit("a", ran::incrementAndGet));
    }

    @Test
    void closeAfterItsTimeoutInterruptsWhatRunsAndDropsTheRest() {
        KeyedSerialExecutor<String> lanes = unbounded(1);
        CountDownLatch started = latch();
        CountDownLatch interrupted = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        lanes.submit("a", () -> {
            started.countDown();
            try {
                new CountDownLatch(1).await(WAIT, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        lanes.submit("a", ran::incrementAndGet);
        await(started);
        assertEquals(2, lanes.close(Duration.ofMillis(20)), "the running task and the waiting one");
        await(interrupted);
        assertTrue(awaitQueued(lanes, "a", 0));
        assertEquals(0, ran.get(), "nothing starts once the pool is stopped");
    }

    @Test
    void anInterruptOfTheClosingThreadEndsTheWaitAndStaysSet() {
        KeyedSerialExecutor<String> lanes = unbounded(1);
        CountDownLatch started = latch();
        lanes.submit("a", blocking(started, latch()));
        await(started);
        Thread.currentThread().interrupt();
        assertEquals(1, lanes.close(Duration.ofSeconds(WAIT)));
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
    }

    @Test
    void eachTaskOfABatchStartsUninterrupted() {
        KeyedSerialExecutor<String> requests = bounded(1, 1, 100);
        CountDownLatch started = latch();
        CountDownLatch release = latch();
        AtomicReference<Boolean> secondSawInterrupt = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        requests.offer("a", () -> {
            blocking(started, release).run();
            Thread.currentThread().interrupt(); // a task that leaves its thread interrupted
        });
        await(started);
        requests.offer("a", () -> {
            secondSawInterrupt.set(Thread.currentThread().isInterrupted());
            done.countDown();
        });
        release.countDown();
        await(done);
        assertFalse(secondSawInterrupt.get());
    }

    @Test
    void aFailingTaskIsLoggedAndTheLaneGoesOn() {
        KeyedSerialExecutor<String> lanes = unbounded(1);
        CountDownLatch next = new CountDownLatch(1);
        try (LogCapture log = new LogCapture(KeyedSerialExecutor.class)) {
            lanes.submit("alice", () -> {
                throw new IllegalStateException("bug");
            });
            lanes.submit("alice", next::countDown);
            await(next);
            assertTrue(log.has(Level.ERROR, "test-lanes", "a task for alice failed"));
        }
        assertEquals(0, lanes.close(Duration.ofSeconds(WAIT)));
    }

    @Test
    void anErrorLeavesItsThreadButNotTheLane() {
        KeyedSerialExecutor<String> lanes = unbounded(1);
        CountDownLatch next = new CountDownLatch(1);
        lanes.submit("alice", () -> {
            throw new StackOverflowError("a test's error, on purpose");
        });
        lanes.submit("alice", next::countDown);
        await(next);
        assertEquals(0, lanes.close(Duration.ofSeconds(WAIT)));
    }

    @Test
    void resizeChangesHowManyKeysRunAtOnce() {
        KeyedSerialExecutor<String> lanes = unbounded(1);
        lanes.resize(2);
        CountDownLatch bothStarted = new CountDownLatch(2);
        CountDownLatch release = latch();
        lanes.submit("a", blocking(bothStarted, release));
        lanes.submit("b", blocking(bothStarted, release));
        await(bothStarted);
        lanes.resize(1);
        release.countDown();
        assertEquals(0, lanes.close(Duration.ofSeconds(WAIT)));
    }

    private static boolean awaitState(Thread t, Thread.State state) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
        while (t.getState() != state) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    private static void join(Thread t) {
        try {
            t.join(TimeUnit.SECONDS.toMillis(WAIT));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertFalse(t.isAlive());
    }
}
