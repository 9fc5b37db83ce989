package org.openst.chatlogging.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openst.chatlogging.service.Entries.entry;
import static org.openst.chatlogging.service.Entries.expected;
import static org.openst.chatlogging.service.Entries.texts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openst.hub.core.Awaits;
import org.openst.storage.api.ChatEntry;
import org.openst.storage.api.ChatQuery;
import org.openst.storage.api.StorageException;
import org.openst.support.testing.Configs;
import org.openst.support.testing.LogCapture;
import org.openst.support.testing.MutableClock;

import ch.qos.logback.classic.Level;

/** The chat log without OSGi: queueing, batching, store swaps, the switch, drops and retention. */
class ChatLogComponentTest {
    private static final ChatLogSettings ENABLED = new ChatLogSettings(true, 90, 100_000, 500);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
    private final RecordingCompanions companions = new RecordingCompanions();
    private final List<ChatLogComponent> started = new ArrayList<>();

    private ChatLogComponent start(ChatLogSettings settings) {
        ChatLogComponent c = new ChatLogComponent(settings, clock, companions, Duration.ofMillis(1),
                Duration.ofMillis(5));
        started.add(c);
        return c;
    }

    @AfterEach
    void stop() {
        started.forEach(ChatLogComponent::deactivate);
    }

    private static void recordRange(ChatLogComponent c, int from, int toExclusive) {
        for (int i = from; i < toExclusive; i++) {
            c.record(entry(i));
        }
    }

    @Test
    void entriesQueuedWithoutAStoreAreWrittenInBatchesOfFlushBatchInOrder() {
        ChatLogComponent c = start(new ChatLogSettings(true, 90, 100, 3));
        MemoryStore store = new MemoryStore("A");
        recordRange(c, 0, 10);
        assertEquals(10, c.queue().size(), "kept while no store is bound");

        c.bindChatLogStore(store);
        Awaits.until(() -> store.size() == 10, "all ten written");

        List<Integer> sizes = new ArrayList<>();
        store.batches().forEach(b -> sizes.add(b.size()));
        assertEquals(List.of(3, 3, 3, 1), sizes);
        assertEquals(expected(0, 10), texts(store.entries()));
        Awaits.until(() -> c.queue().size() == 0, "queue emptied");
        assertEquals(10, c.writer().written());
    }

    @Test
    void entriesRecordedWhileAStoreIsBoundAreWrittenInOrder() {
        ChatLogComponent c = start(new ChatLogSettings(true, 90, 100_000, 7));
        MemoryStore store = new MemoryStore("A");
        c.bindChatLogStore(store);
        recordRange(c, 0, 1000);
        Awaits.until(() -> store.size() == 1000, "all written");
        assertEquals(expected(0, 1000), texts(store.entries()));
        store.batches().forEach(b -> assertTrue(b.size() <= 7, "batch of " + b.size()));
    }

    @Test
    void storeAbsentThenUnboundThenBackLosesNothing() {
        ChatLogComponent c = start(ENABLED);
        MemoryStore first = new MemoryStore("first");
        recordRange(c, 0, 100);
        c.bindChatLogStore(first);
        Awaits.until(() -> first.size() == 100, "first hundred written");

        c.unbindChatLogStore(first);
        recordRange(c, 100, 250);
        assertEquals(150, c.queue().size(), "kept while the store is away");
        assertEquals(100, first.size(), "nothing written to a store that went away");

        MemoryStore again = new MemoryStore("again");
        c.bindChatLogStore(again);
        Awaits.until(() -> again.size() == 150, "the rest written when a store is back");
        assertEquals(expected(100, 250), texts(again.entries()));
    }

    @Test
    void failingStoreIsRetriedUntilItRecoversWithoutLossOrDuplicates() {
        ChatLogComponent c = start(ENABLED);
        MemoryStore store = new MemoryStore("flaky").failNext(4);
        c.bindChatLogStore(store);
        recordRange(c, 0, 50);
        Awaits.until(() -> store.size() == 50, "written after the failures");
        assertEquals(4, store.failures());
        assertEquals(expected(0, 50), texts(store.entries()));
        Awaits.until(() -> c.queue().size() == 0, "queue emptied");
    }

    @Test
    void swapFromStoreAToStoreBMidStreamPutsEveryEntryInExactlyOneInOrder() throws Exception {
        ChatLogComponent c = start(new ChatLogSettings(true, 90, 100_000, 50));
        MemoryStore a = new MemoryStore("H2");
        MemoryStore b = new MemoryStore("PostgreSQL");
        c.bindChatLogStore(a);
        int total = 5000;
        recordRange(c, 0, total / 2);
        Awaits.until(() -> a.size() >= 100, "some entries in A");

        // The administrator reconfigures storage-jdbc while the writer drains and users chat on: A's
        // database closes while it is still bound (appends fail), then DS binds B and unbinds A.
        int tail = 100;
        Thread producer = new Thread(() -> recordRange(c, total / 2, total - tail));
        producer.start();
        a.close();
        c.bindChatLogStore(b);
        c.unbindChatLogStore(a);
        producer.join();
        // Recorded after A is gone, so they can only land in B (the producer may have finished
        // before the swap on a busy machine).
        recordRange(c, total - tail, total);

        Awaits.until(() -> a.size() + b.size() == total, "every entry written");
        List<String> both = new ArrayList<>(texts(a.entries()));
        both.addAll(texts(b.entries()));
        assertEquals(expected(0, total), both, "A holds a prefix, B the rest: none lost, none twice, order kept");
        assertTrue(b.size() >= tail, "B took over");
    }

    @Test
    void disabledRecordsNothingAndRegistersNoObserverOrActivity() {
        ChatLogComponent c = start(new ChatLogSettings(false, 90, 100, 10));
        MemoryStore store = new MemoryStore("A");
        c.bindChatLogStore(store);
        assertFalse(c.isEnabled());
        recordRange(c, 0, 5);
        assertEquals(0, c.queue().size());
        assertEquals(Set.of(), companions.enabled(), "no ImObserver: IMs stay end to end");

        c.apply(new ChatLogSettings(true, 90, 100, 10));
        assertTrue(c.isEnabled());
        assertEquals(Set.of(ChatLogComponent.IM_OBSERVER, ChatLogComponent.PLACE_ACTIVITY), companions.enabled());
        c.record(entry(5));
        Awaits.until(() -> store.size() == 1, "recorded once enabled");

        c.apply(new ChatLogSettings(false, 90, 100, 10));
        assertEquals(Set.of(), companions.enabled(), "observer unregistered: new IMs end to end again");
        c.record(entry(6));
        assertEquals(0, c.queue().size());
        assertEquals(List.of("m5"), texts(store.entries()));
    }

    @Test
    void enabledAtStartSwitchesTheCompanionsOnAndDeactivationOff() {
        ChatLogComponent c = start(ENABLED);
        assertEquals(Set.of(ChatLogComponent.IM_OBSERVER, ChatLogComponent.PLACE_ACTIVITY), companions.enabled());
        c.deactivate();
        assertEquals(Set.of(), companions.enabled());
    }

    @Test
    void thePlaceActivityIsOnlySwitchedOnWhenThePlacesApiIsVisible() {
        assertTrue(ChatLogComponent.visible(ChatLogComponent.PLACES_API_CLASS, ChatLogComponent.class.getClassLoader()));
        assertFalse(ChatLogComponent.visible(ChatLogComponent.PLACES_API_CLASS, ClassLoader.getPlatformClassLoader()),
                "without the places bundle the optional import is unwired");
    }

    @Test
    void fullQueueDropsNewEntriesCountsThemAndReportsOncePerMinute() {
        ChatLogComponent c = start(new ChatLogSettings(true, 90, 5, 10));
        recordRange(c, 0, 8);
        assertEquals(5, c.queue().size(), "the queue bounds memory");
        assertEquals(3, c.drops().total());
        assertEquals(0, c.drops().reportIfDue(), "the first drop was reported at once; the next line is a minute away");

        clock.advance(Duration.ofSeconds(61));
        assertEquals(2, c.drops().reportIfDue(), "the two drops since the first line");
        assertEquals(0, c.drops().reportIfDue(), "nothing new");

        MemoryStore store = new MemoryStore("A");
        c.bindChatLogStore(store);
        Awaits.until(() -> store.size() == 5, "the accepted entries written");
        assertEquals(expected(0, 5), texts(store.entries()), "the oldest are kept, the newest dropped");
    }

    @Test
    void shrinkingTheQueueKeepsWhatWasAcceptedAndRefusesUntilBelow() {
        ChatLogComponent c = start(new ChatLogSettings(true, 90, 10, 10));
        recordRange(c, 0, 8);
        c.apply(new ChatLogSettings(true, 90, 4, 10));
        c.record(entry(8));
        assertEquals(8, c.queue().size());
        assertEquals(1, c.drops().total());
    }

    @Test
    void retentionDeletesBeforeNowMinusDaysWhenAStoreIsBound() {
        ChatLogComponent c = start(new ChatLogSettings(false, 30, 100, 10));
        MemoryStore store = new MemoryStore("A");
        c.bindChatLogStore(store);
        Awaits.until(() -> !store.cutoffs().isEmpty(), "retention ran on bind");
        Instant expectedCutoff = Instant.parse("2026-10-25T12:00:00Z");
        store.cutoffs().forEach(cutoff -> assertEquals(expectedCutoff, cutoff));
        assertEquals(7, c.retention().run(), "what the store deleted");
    }

    @Test
    void retentionZeroKeepsForeverAndNoStoreOrAFailingStoreIsSkipped() {
        CurrentStore current = new CurrentStore();
        MemoryStore store = new MemoryStore("A");
        Retention keepForever = new Retention(current, clock, 0);
        Retention days = new Retention(current, clock, 1);
        assertEquals(Retention.SKIPPED, days.run(), "no store");
        current.bind(store);
        assertEquals(Retention.SKIPPED, keepForever.run());
        assertTrue(store.cutoffs().isEmpty(), "keep forever never asks the store");
        assertEquals(7, days.run());
        assertEquals(List.of(Instant.parse("2026-11-23T12:00:00Z")), store.cutoffs());
        store.close();
        assertEquals(Retention.SKIPPED, days.run(), "a failure is logged, not thrown");
    }

    @Test
    void anEntryTheStoreRefusesIsDroppedAloneAndTheRestWritten() {
        ChatLogComponent c = start(new ChatLogSettings(true, 90, 100, 10));
        MemoryStore store = new MemoryStore("A").refusing(e -> e.text().equals("m3"));
        recordRange(c, 0, 6);
        c.bindChatLogStore(store);
        Awaits.until(() -> c.queue().size() == 0, "queue emptied");
        assertEquals(List.of("m0", "m1", "m2", "m4", "m5"), texts(store.entries()));
        assertEquals(1, c.writer().refused());
    }

    @Test
    void recordNeverThrowsAndIgnoresNull() {
        ChatLogComponent c = start(ENABLED);
        assertDoesNotThrow(() -> c.record(null));
        assertEquals(0, c.queue().size());
    }

    @Test
    void findDelegatesToTheStoreAndFailsWithoutOne() {
        ChatLogComponent c = start(ENABLED);
        assertThrows(StorageException.class, () -> c.find(ChatQuery.all(10)));
        MemoryStore store = new MemoryStore("A");
        c.bindChatLogStore(store);
        recordRange(c, 0, 3);
        Awaits.until(() -> store.size() == 3, "written");
        List<ChatEntry> found = c.find(ChatQuery.all(2)).entries();
        assertEquals(List.of("m0", "m1"), texts(found));
        assertTrue(c.find(ChatQuery.all(2)).more());
    }

    @Test
    void greedyReplacementKeepsTheNewStoreWhenTheOldIsUnboundAfterwards() {
        ChatLogComponent c = start(ENABLED);
        MemoryStore a = new MemoryStore("A");
        MemoryStore b = new MemoryStore("B");
        c.bindChatLogStore(a);
        c.bindChatLogStore(b); // DS: bind the replacement first ...
        c.unbindChatLogStore(a); // ... then unbind the old one
        recordRange(c, 0, 3);
        Awaits.until(() -> b.size() == 3, "written to B");
        assertEquals(0, a.size());
    }

    @Test
    void aBadChangeIsRefusedByKeyAndTheOldSettingsStay() {
        ChatLogComponent c = start(new ChatLogSettings(true, 30, 1000, 100));
        try (LogCapture log = new LogCapture(ChatLogComponent.class)) {
            Map<String, Object[]> bad = Map.of(
                    "retention_days", new Object[] {-1, "retention.days must be at least 0, not -1"},
                    "queue_capacity", new Object[] {0, "queue.capacity must be at least 1, not 0"},
                    "flush_batch", new Object[] {-5, "flush.batch must be at least 1, not -5"});
            for (Map.Entry<String, Object[]> e : bad.entrySet()) {
                c.modified(Configs.of(ChatLogComponent.Config.class, Map.of("enabled", false, e.getKey(), e.getValue()[0])));
                assertTrue(log.has(Level.ERROR, "org.openst.chatlogging", (String) e.getValue()[1],
                        "previous configuration stays"), e.getKey() + ": " + log.messages(Level.ERROR));
            }
        }
        assertEquals(new ChatLogSettings(true, 30, 1000, 100), c.settings());
        assertTrue(c.isEnabled());
        c.modified(Configs.of(ChatLogComponent.Config.class, Map.of("enabled", false, "retention_days", 5)));
        assertEquals(new ChatLogSettings(false, 5, 100_000, 500), c.settings());
    }
}
