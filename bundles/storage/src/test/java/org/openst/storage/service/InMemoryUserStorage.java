package org.openst.storage.service;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.openst.storage.api.StorageException;
import org.openst.storage.api.UserStorage;
import org.openst.support.testing.Gate;

/**
 * Test double of {@link UserStorage}: units in a map, a switch that makes every call fail with
 * {@link StorageException}, and an optional gate that holds saves.
 */
final class InMemoryUserStorage implements UserStorage {
    private final Map<String, Map<Long, byte[]>> units = new ConcurrentHashMap<>();
    private final AtomicInteger saves = new AtomicInteger();
    volatile boolean failing;
    volatile Gate saveGate;

    @Override
    public Optional<byte[]> load(String userId, long key) {
        check();
        byte[] v = units.getOrDefault(userId, Map.of()).get(key);
        return Optional.ofNullable(v == null ? null : v.clone());
    }

    @Override
    public void save(String userId, long key, byte[] value) {
        Gate gate = saveGate;
        if (gate != null) {
            gate.pass();
        }
        check();
        units.computeIfAbsent(userId, u -> new ConcurrentHashMap<>()).put(key, value.clone());
        saves.incrementAndGet();
    }

    @Override
    public boolean delete(String userId, long key) {
        check();
        return units.getOrDefault(userId, Map.of()).remove(key) != null;
    }

    @Override
    public long usedBytes(String userId) {
        check();
        return units.getOrDefault(userId, Map.of()).values().stream().mapToLong(v -> v.length).sum();
    }

    @Override
    public String describe() {
        return "in-memory test storage";
    }

    /** Puts a unit in place as if saved earlier (not counted as a save). */
    void preset(String userId, long key, byte[] value) {
        units.computeIfAbsent(userId, u -> new ConcurrentHashMap<>()).put(key, value.clone());
    }

    /** The stored value, or null. */
    byte[] get(String userId, long key) {
        return units.getOrDefault(userId, Map.of()).get(key);
    }

    /** Successful saves so far. */
    int saves() {
        return saves.get();
    }

    private void check() {
        if (failing) {
            throw new StorageException("test storage is down");
        }
    }
}
