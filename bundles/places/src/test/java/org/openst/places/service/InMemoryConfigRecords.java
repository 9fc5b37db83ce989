package org.openst.places.service;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.openst.storage.api.ConfigRecords;
import org.openst.storage.api.StorageException;
import org.openst.support.testing.Gate;

/**
 * Test double of {@link ConfigRecords}: records in a map, a switch that makes the next calls fail
 * with {@link StorageException}, and an optional gate that holds calls for one key.
 */
final class InMemoryConfigRecords implements ConfigRecords {
    private final Map<String, Map<String, String>> records = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    volatile int failuresLeft;
    volatile String gatedKey;
    volatile Gate gate;

    @Override
    public Optional<String> get(String namespace, String key) {
        enter(key);
        return Optional.ofNullable(ns(namespace).get(key));
    }

    @Override
    public void put(String namespace, String key, String value) {
        enter(key);
        ns(namespace).put(key, value);
    }

    @Override
    public String putIfAbsent(String namespace, String key, String value) {
        enter(key);
        String before = ns(namespace).putIfAbsent(key, value);
        return before == null ? value : before;
    }

    @Override
    public boolean remove(String namespace, String key) {
        enter(key);
        return ns(namespace).remove(key) != null;
    }

    @Override
    public Map<String, String> list(String namespace) {
        return new TreeMap<>(ns(namespace));
    }

    /** A record as stored, without counting a call. */
    String stored(String key) {
        return ns(PlaceDefinitions.NAMESPACE).get(key);
    }

    void preset(String key, String title) {
        ns(PlaceDefinitions.NAMESPACE).put(key, title);
    }

    int calls() {
        return calls.get();
    }

    private void enter(String key) {
        calls.incrementAndGet();
        Gate g = gate;
        if (g != null && key.equals(gatedKey)) {
            g.pass();
        }
        synchronized (this) {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new StorageException("test store down");
            }
        }
    }

    private Map<String, String> ns(String namespace) {
        return records.computeIfAbsent(namespace, n -> new ConcurrentHashMap<>());
    }
}
