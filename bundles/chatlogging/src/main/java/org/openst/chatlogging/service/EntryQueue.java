package org.openst.chatlogging.service;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.openst.storage.api.ChatEntry;

/**
 * The entries recorded but not yet written: a bounded FIFO. Producers (hub network threads,
 * place workers, conferences) only {@link #offer}, which never blocks for long (one short lock)
 * and refuses when full; the single writer {@link #peek}s a batch, writes it and only then
 * {@link #removeFirst removes} it, so an entry leaves the queue only once a store holds it.
 *
 * <p>The capacity is what bounds the bundle's memory while no store is reachable.
 */
final class EntryQueue {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<ChatEntry> entries = new ArrayDeque<>();
    private int capacity;
    private boolean released;

    EntryQueue(int capacity) {
        setCapacity(capacity);
    }

    /**
     * A new bound. Entries already queued beyond it are kept (they were accepted); new ones are
     * refused until the queue is below the bound again.
     */
    void setCapacity(int newCapacity) {
        if (newCapacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + newCapacity);
        }
        lock.lock();
        try {
            capacity = newCapacity;
        } finally {
            lock.unlock();
        }
    }

    /** Appends the entry unless the queue is full. @return false when it was refused */
    boolean offer(ChatEntry entry) {
        lock.lock();
        try {
            if (entries.size() >= capacity) {
                return false;
            }
            entries.addLast(entry);
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Up to {@code max} entries from the head, oldest first, without removing them. */
    List<ChatEntry> peek(int max) {
        lock.lock();
        try {
            int n = Math.min(max, entries.size());
            List<ChatEntry> batch = new ArrayList<>(n);
            Iterator<ChatEntry> it = entries.iterator();
            for (int i = 0; i < n; i++) {
                batch.add(it.next());
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** Removes the {@code n} oldest entries (the ones the writer just wrote); only the writer calls this. */
    void removeFirst(int n) {
        lock.lock();
        try {
            for (int i = 0; i < n && !entries.isEmpty(); i++) {
                entries.removeFirst();
            }
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the queue holds an entry, or {@link #release()} was called, or {@code max} passed.
     * @return whether the queue holds an entry
     */
    boolean awaitEntries(Duration max) throws InterruptedException {
        long remaining = max.toNanos();
        lock.lock();
        try {
            while (entries.isEmpty() && !released && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
            return !entries.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** From now on {@link #awaitEntries} no longer waits (shutdown: the writer drains and stops). */
    void release() {
        lock.lock();
        try {
            released = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
