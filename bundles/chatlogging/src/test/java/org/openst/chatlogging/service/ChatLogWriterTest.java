package org.openst.chatlogging.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openst.chatlogging.service.Entries.entry;
import static org.openst.chatlogging.service.Entries.expected;
import static org.openst.chatlogging.service.Entries.texts;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Stopping the writer: flush what can be flushed within the bounded time, count the rest. */
class ChatLogWriterTest {

    private static ChatLogWriter writer(EntryQueue queue, CurrentStore store) {
        ChatLogWriter w = new ChatLogWriter(queue, store, 10, Duration.ofMillis(1), Duration.ofMillis(5));
        w.start();
        return w;
    }

    @Test
    void closeFlushesEverythingQueuedToABoundStore() {
        EntryQueue queue = new EntryQueue(1000);
        CurrentStore store = new CurrentStore();
        for (int i = 0; i < 95; i++) {
            queue.offer(entry(i));
        }
        ChatLogWriter w = writer(queue, store);
        MemoryStore memory = new MemoryStore("A");
        store.bind(memory);
        assertEquals(0, w.close(Duration.ofSeconds(10)));
        assertEquals(expected(0, 95), texts(memory.entries()));
    }

    @Test
    void closeWithoutAStoreReturnsAtOnceAndCountsWhatIsLost() {
        EntryQueue queue = new EntryQueue(1000);
        CurrentStore store = new CurrentStore();
        ChatLogWriter w = writer(queue, store);
        for (int i = 0; i < 12; i++) {
            queue.offer(entry(i));
        }
        long start = System.nanoTime();
        assertEquals(12, w.close(Duration.ofSeconds(30)));
        assertEquals(true, System.nanoTime() - start < Duration.ofSeconds(20).toNanos(), "did not wait for a store");
    }

    @Test
    void closeGivesUpOnAFailingStoreAfterTheFlushTime() {
        EntryQueue queue = new EntryQueue(1000);
        CurrentStore store = new CurrentStore();
        MemoryStore failing = new MemoryStore("down");
        failing.close();
        store.bind(failing);
        ChatLogWriter w = writer(queue, store);
        for (int i = 0; i < 7; i++) {
            queue.offer(entry(i));
        }
        assertEquals(7, w.close(Duration.ofMillis(200)));
    }

    @Test
    void closeOfAnIdleWriterIsImmediate() {
        ChatLogWriter w = writer(new EntryQueue(10), new CurrentStore());
        assertEquals(0, w.close(Duration.ofSeconds(10)));
    }
}
