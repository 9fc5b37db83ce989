package org.openst.privacy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.openst.protocol.PrivacyInfo;
import org.openst.storage.api.PrivacyStore;
import org.openst.storage.api.StorageException;
import org.openst.support.testing.Gate;

/**
 * Test double of {@link PrivacyStore}: lists in a map, a history of saves, a switch that makes
 * every call fail with {@link StorageException}, and optional gates that hold loads or saves.
 */
final class InMemoryPrivacyStore implements PrivacyStore {
    /** One successful save. */
    record Saved(String userId, PrivacyInfo list) {
    }

    private final Map<String, PrivacyInfo> lists = new ConcurrentHashMap<>();
    private final List<Saved> history = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    volatile boolean failing;
    volatile Gate loadGate;
    volatile Gate saveGate;

    @Override
    public Optional<PrivacyInfo> load(String userId) {
        calls.incrementAndGet();
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

    List<Saved> history() {
        return List.copyOf(history);
    }
}
