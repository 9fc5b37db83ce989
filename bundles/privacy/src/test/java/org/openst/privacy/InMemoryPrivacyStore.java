package org.openst.privacy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.openst.protocol.PrivacyInfo;
import org.openst.storage.api.PrivacyStore;
import org.openst.storage.api.StorageException;
import org.openst.support.testing.Gate;

/**
 * Test double of {@link PrivacyStore}: lists in a map, a history of saves, a switch that makes
 * every call fail with {@link StorageException}, optional gates that hold loads, saves or the
 * listing of the users with a list, and counters of loads and listings.
 */
final class InMemoryPrivacyStore implements PrivacyStore {
    /** One successful save. */
    record Saved(String userId, PrivacyInfo list) {
    }

    private final Map<String, PrivacyInfo> lists = new ConcurrentHashMap<>();
    private final List<Saved> history = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicInteger listings = new AtomicInteger();
    volatile boolean failing;
    volatile Gate loadGate;
    volatile Gate saveGate;
    /** Holds {@link #usersWithLists()} after it took its snapshot, as a query that read before a save. */
    volatile Gate listingGate;

    @Override
    public Optional<PrivacyInfo> load(String userId) {
        calls.incrementAndGet();
        loads.incrementAndGet();
        Gate gate = loadGate;
        if (gate != null) {
            gate.pass();
        }
        if (failing) {
            throw new StorageException("test store is down");
        }
        return Optional.ofNullable(lists.get(userId));
    }

    @Override
    public void save(String userId, PrivacyInfo privacy) {
        calls.incrementAndGet();
        Gate gate = saveGate;
        if (gate != null) {
            gate.pass();
        }
        if (failing) {
            throw new StorageException("test store is down");
        }
        lists.put(userId, privacy);
        history.add(new Saved(userId, privacy));
    }

    /** Not counted in {@link #calls()}: see {@link #listings()}. */
    @Override
    public Set<String> usersWithLists() {
        listings.incrementAndGet();
        Set<String> snapshot = Set.copyOf(lists.keySet());
        Gate gate = listingGate;
        if (gate != null) {
            gate.pass();
        }
        if (failing) {
            throw new StorageException("test store is down");
        }
        return snapshot;
    }

    /** Puts a list in place as if saved earlier (not recorded in the history). */
    void preset(String userId, PrivacyInfo list) {
        lists.put(userId, list);
    }

    PrivacyInfo get(String userId) {
        return lists.get(userId);
    }

    /** Loads and saves attempted so far, failed ones included. */
    int calls() {
        return calls.get();
    }

    /** Loads attempted so far, failed ones included. */
    int loads() {
        return loads.get();
    }

    /** Calls of {@link #usersWithLists()} so far, failed ones included. */
    int listings() {
        return listings.get();
    }

    List<Saved> history() {
        return List.copyOf(history);
    }
}
