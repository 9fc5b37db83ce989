package org.openst.logger.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.openst.storage.api.StatEvent;
import org.openst.storage.api.StatTotal;
import org.openst.storage.api.StorageException;
import org.openst.support.testing.MutableClock;

/** Aggregation per minute, the queue while the store is absent or failing, and reading back. */
class StatisticsLogTest {
    private final MutableClock clock = MutableClock.at("2026-11-24T10:15:03Z");
    private final InMemoryStatisticsStore store = new InMemoryStatisticsStore();
    private final StatisticsLog log = new StatisticsLog(clock, 1000);

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void aBurstWithinAMinuteIsOneRowAtTheStartOfTheMinute() {
        log.storeAdded(store);
        for (int i = 0; i < 1000; i++) {
            log.record("login", 1);
            clock.advance(Duration.ofMillis(50)); // 50 s in all: still 10:15
        }
        assertEquals(0, log.flush());
        assertEquals(List.of(new StatEvent(at("2026-11-24T10:15:00Z"), "login", 1000)), store.rows);
    }

    @Test
    void eachMinuteAndKindIsItsOwnRow() {
        log.storeAdded(store);
        log.record("login", 1);
        log.record("logout", 1);
        clock.set("2026-11-24T10:16:00Z");
        log.record("login", 2);
        log.flush();
        assertEquals(List.of(new StatEvent(at("2026-11-24T10:15:00Z"), "login", 1),
                new StatEvent(at("2026-11-24T10:15:00Z"), "logout", 1),
                new StatEvent(at("2026-11-24T10:16:00Z"), "login", 2)), store.rows);
    }

    @Test
    void totalsPerHourAreRightAcrossAnHourBoundary() {
        log.storeAdded(store);
        clock.set("2026-11-24T10:59:59.999Z");
        log.record("login", 1);
        log.flush();
        clock.set("2026-11-24T11:00:00Z");
        log.record("login", 1);
        log.record("login", 1);
        // The second burst is still in memory: the query flushes first.
        assertEquals(List.of(new StatTotal(at("2026-11-24T10:00:00Z"), "login", 1),
                new StatTotal(at("2026-11-24T11:00:00Z"), "login", 2)),
                log.totalsPerHour(at("2026-11-24T10:00:00Z"), at("2026-11-24T12:00:00Z")));
    }

    @Test
    void eventsWaitInMemoryUntilAStoreAppears() {
        log.record("login", 1);
        assertEquals(1, log.flush());
        clock.advance(Duration.ofMinutes(1));
        log.record("login", 1);
        assertEquals(2, log.flush());
        assertThrows(StorageException.class, () -> log.totalsPerHour(at("2026-11-24T00:00:00Z"), at("2026-11-25T00:00:00Z")));

        log.storeAdded(store);
        assertEquals(0, log.flush());
        assertEquals(2, store.sum("login"));
        assertEquals(2, store.rows.size());
        assertEquals(0, log.pendingRows());
    }

    @Test
    void aFailingStoreKeepsTheRowsAndGetsThemWhenItRecovers() {
        log.storeAdded(store);
        store.failing = true;
        log.record("login", 1);
        assertEquals(1, log.flush());
        log.record("login", 4); // same minute: merged into the waiting row
        assertEquals(1, log.flush());
        assertTrue(store.rows.isEmpty());

        store.failing = false;
        assertEquals(0, log.flush());
        assertEquals(List.of(new StatEvent(at("2026-11-24T10:15:00Z"), "login", 5)), store.rows);
        assertEquals(0, log.flush());
        assertEquals(1, store.rows.size(), "nothing is written twice");
    }

    @Test
    void rowsTheStoreWillNotTakeStillCountInQueries() {
        log.storeAdded(store);
        log.record("login", 1);
        log.flush();
        store.appendsFail = true;
        log.record("login", 2);
        log.record("logout", 1);
        assertEquals(List.of(new StatTotal(at("2026-11-24T10:00:00Z"), "login", 3),
                new StatTotal(at("2026-11-24T10:00:00Z"), "logout", 1)),
                log.totalsPerHour(at("2026-11-24T10:00:00Z"), at("2026-11-24T11:00:00Z")));
        // Outside the range: not added.
        assertEquals(List.of(), log.totalsPerHour(at("2026-11-24T11:00:00Z"), at("2026-11-24T12:00:00Z")));
    }

    @Test
    void aFullQueueDropsTheOldestRowsAndCountsThem() {
        StatisticsLog small = new StatisticsLog(clock, 3);
        for (int minute = 0; minute < 5; minute++) {
            small.record("login", minute + 1);
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(3, small.flush());
        assertEquals(2, small.droppedRows());
        assertEquals(1 + 2, small.droppedEvents());

        small.storeAdded(store);
        small.flush();
        assertEquals(List.of(new StatEvent(at("2026-11-24T10:17:00Z"), "login", 3),
                new StatEvent(at("2026-11-24T10:18:00Z"), "login", 4),
                new StatEvent(at("2026-11-24T10:19:00Z"), "login", 5)), store.rows);
    }

    @Test
    void aLongQueueIsWrittenInBatches() {
        StatisticsLog big = new StatisticsLog(clock, 10_000);
        for (int i = 0; i < 1200; i++) {
            big.record("login", 1);
            clock.advance(Duration.ofMinutes(1));
        }
        big.storeAdded(store);
        assertEquals(0, big.flush());
        assertEquals(List.of(500, 500, 200), store.appendSizes);
    }

    @Test
    void aStoreRemovedIsNoLongerUsedButAReplacementKeepsWorking() {
        InMemoryStatisticsStore other = new InMemoryStatisticsStore();
        log.storeAdded(store);
        log.storeAdded(other); // greedy: the better store is bound before the old one goes
        assertTrue(!log.storeRemoved(store), "the old store was no longer in use");
        log.record("login", 1);
        log.flush();
        assertEquals(1, other.sum("login"));
        assertTrue(log.storeRemoved(other));
        log.record("login", 1);
        assertEquals(1, log.flush());
    }

    @Test
    void retentionDeletesInTheStoreAndSurvivesItsFailure() {
        log.storeAdded(store);
        log.record("login", 1);
        clock.set("2026-11-25T10:00:00Z");
        log.record("login", 1);
        log.flush();
        assertEquals(1, log.deleteBefore(at("2026-11-25T00:00:00Z")));
        assertEquals(1, store.rows.size());
        store.failing = true;
        assertEquals(0, log.deleteBefore(at("2026-11-26T00:00:00Z")));
    }

    @Test
    void withoutAStoreRetentionDoesNothing() {
        assertEquals(0, log.deleteBefore(at("2026-11-26T00:00:00Z")));
    }

    @Test
    void stoppingDoesNotWaitForeverForAHungStore() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        log.storeAdded(new InMemoryStatisticsStore() {
            @Override
            public void append(List<StatEvent> events) {
                writing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        log.record("login", 1);
        Thread timer = new Thread(log::flush);
        timer.start();
        assertTrue(writing.await(10, TimeUnit.SECONDS));
        assertEquals(-1, log.flushWithin(Duration.ofMillis(20)));
        release.countDown();
        timer.join(10_000);
        assertEquals(0, log.flushWithin(Duration.ofSeconds(10)));
    }
}
