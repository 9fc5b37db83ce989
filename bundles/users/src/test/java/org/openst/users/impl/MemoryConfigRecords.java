package org.openst.users.impl;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.openst.storage.api.ConfigRecords;
import org.openst.storage.api.StorageException;

/**
 * The storage SPI's config records in memory, shared by "processes" (several key sources) like a
 * database. It counts reads, can fail on demand, and can hide records from {@code get} to stage the
 * race of two processes that both saw no key.
 */
final class MemoryConfigRecords implements ConfigRecords {
    private final Map<String, String> records = new ConcurrentHashMap<>();
    final AtomicInteger gets = new AtomicInteger();
    final AtomicInteger putIfAbsents = new AtomicInteger();
    volatile boolean failing;
    volatile boolean hideFromGet;

    @Override
    public Optional<String> get(String namespace, String key) {
        gets.incrementAndGet();
        check();
        return hideFromGet ? Optional.empty() : Optional.ofNullable(records.get(namespace + "/" + key));
    }

    @Override
    public void put(String namespace, String key, String value) {
        check();
        records.put(namespace + "/" + key, value);
    }

    @Override
    public String putIfAbsent(String namespace, String key, String value) {
        putIfAbsents.incrementAndGet();
        check();
        String before = records.putIfAbsent(namespace + "/" + key, value);
        return before == null ? value : before;
    }

    @Override
    public boolean remove(String namespace, String key) {
        check();
        return records.remove(namespace + "/" + key) != null;
    }

    @Override
    public Map<String, String> list(String namespace) {
        check();
        Map<String, String> result = new TreeMap<>();
        records.forEach((k, v) -> {
            if (k.startsWith(namespace + "/")) {
                result.put(k.substring(namespace.length() + 1), v);
            }
        });
        return result;
    }

    private void check() {
        if (failing) {
            throw new StorageException("database is down (test)");
        }
    }
}
