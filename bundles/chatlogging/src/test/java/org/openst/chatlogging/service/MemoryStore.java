package org.openst.chatlogging.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.openst.storage.api.ChatEntry;
import org.openst.storage.api.ChatLogStore;
import org.openst.storage.api.ChatPage;
import org.openst.storage.api.ChatQuery;
import org.openst.storage.api.StorageException;

/**
 * A {@link ChatLogStore} double in memory that keeps every append as one batch and can be told to
 * fail: the next n appends, everything after {@link #close()}, or entries it finds invalid.
 */
final class MemoryStore implements ChatLogStore {
    private final String name;
    private final List<List<ChatEntry>> batches = new ArrayList<>();
    private final List<Instant> cutoffs = new ArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile Predicate<ChatEntry> invalid = e -> false;
    private long nextId = 1;

    MemoryStore(String name) {
        this.name = name;
    }

    /** The next {@code n} appends throw {@link StorageException}. */
    MemoryStore failNext(int n) {
        failNext.set(n);
        return this;
    }

    /** Entries matching this are refused with {@link IllegalArgumentException} (as JdbcChatLog does for bad times). */
    MemoryStore refusing(Predicate<ChatEntry> test) {
        invalid = test;
        return this;
    }

    /** Like a store whose database was closed: every call throws from now on. */
    void close() {
        closed.set(true);
    }

    @Override
    public void append(List<ChatEntry> entries) {
        if (closed.get() || failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            failures.incrementAndGet();
            throw new StorageException(name + " is not available");
        }
        for (ChatEntry e : entries) {
            if (invalid.test(e)) {
                throw new IllegalArgumentException("invalid entry at " + e.at());
            }
        }
        synchronized (this) {
            List<ChatEntry> stored = new ArrayList<>();
            for (ChatEntry e : entries) {
                stored.add(e.withId(nextId++));
            }
            batches.add(stored);
        }
    }

    @Override
    public synchronized ChatPage find(ChatQuery query) {
        if (closed.get()) {
            throw new StorageException(name + " is not available");
        }
        List<ChatEntry> all = entries();
        List<ChatEntry> page = new ArrayList<>();
        for (int i = query.offset(); i < all.size() && page.size() < query.limit(); i++) {
            page.add(all.get(i));
        }
        return new ChatPage(page, query.offset() + page.size() < all.size());
    }

    @Override
    public synchronized int deleteBefore(Instant cutoff) {
        if (closed.get()) {
            throw new StorageException(name + " is not available");
        }
        cutoffs.add(cutoff);
        return 7;
    }

    @Override
    public String describe() {
        return "memory " + name;
    }

    synchronized List<List<ChatEntry>> batches() {
        return List.copyOf(batches);
    }

    synchronized List<ChatEntry> entries() {
        List<ChatEntry> all = new ArrayList<>();
        batches.forEach(all::addAll);
        return all;
    }

    synchronized int size() {
        int n = 0;
        for (List<ChatEntry> b : batches) {
            n += b.size();
        }
        return n;
    }

    synchronized List<Instant> cutoffs() {
        return List.copyOf(cutoffs);
    }

    int failures() {
        return failures.get();
    }
}
