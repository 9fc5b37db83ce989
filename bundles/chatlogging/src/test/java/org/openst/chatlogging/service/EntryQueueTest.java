package org.openst.chatlogging.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openst.chatlogging.service.Entries.entry;
import static org.openst.chatlogging.service.Entries.expected;
import static org.openst.chatlogging.service.Entries.texts;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The bounded FIFO: refuses when full, peeks without removing, removes only what was written. */
class EntryQueueTest {

    @Test
    void boundedFifoPeekThenRemove() throws Exception {
        EntryQueue q = new EntryQueue(3);
        assertTrue(q.offer(entry(0)));
        assertTrue(q.offer(entry(1)));
        assertTrue(q.offer(entry(2)));
        assertFalse(q.offer(entry(3)), "full");
        assertEquals(expected(0, 2), texts(q.peek(2)));
        assertEquals(3, q.size(), "peeking removes nothing");
        q.removeFirst(2);
        assertEquals(expected(2, 3), texts(q.peek(10)));
        assertTrue(q.offer(entry(4)));
        assertTrue(q.awaitEntries(Duration.ZERO));
    }

    @Test
    void releasedQueueNoLongerWaits() throws Exception {
        EntryQueue q = new EntryQueue(3);
        assertFalse(q.awaitEntries(Duration.ZERO));
        q.release();
        assertFalse(q.awaitEntries(Duration.ofHours(1)), "returns at once once released");
        assertThrows(IllegalArgumentException.class, () -> q.setCapacity(0));
    }
}
