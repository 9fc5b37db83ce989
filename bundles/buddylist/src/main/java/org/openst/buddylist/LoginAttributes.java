package org.openst.buddylist;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The attributes each login set with OPT_DO_SET (spec §6.2.2: "store attributes per login").
 * Each login's map is replaced as a whole (copy on write), so readers never see it half changed.
 */
final class LoginAttributes {
    /** What a set did. */
    enum Outcome { CHANGED, UNCHANGED, FULL }

    private final ConcurrentHashMap<String, SortedMap<Integer, AttributeValue>> byLogin = new ConcurrentHashMap<>();

    /**
     * Sets a key of a login.
     *
     * @param maxKeys the most keys one login may hold; a new key beyond it is refused ({@link Outcome#FULL})
     */
    Outcome set(String loginId, int key, AttributeValue value, int maxKeys) {
        Outcome[] outcome = {Outcome.UNCHANGED};
        byLogin.compute(loginId, (id, old) -> {
            SortedMap<Integer, AttributeValue> current = old == null ? Collections.emptySortedMap() : old;
            if (value.equals(current.get(key))) {
                return old;
            }
            if (!current.containsKey(key) && current.size() >= maxKeys) {
                outcome[0] = Outcome.FULL;
                return old;
            }
            TreeMap<Integer, AttributeValue> next = new TreeMap<>(current);
            next.put(key, value);
            outcome[0] = Outcome.CHANGED;
            return Collections.unmodifiableSortedMap(next);
        });
        return outcome[0];
    }

    /** Unsets a key of a login; true when it was set. */
    boolean unset(String loginId, int key) {
        boolean[] changed = {false};
        byLogin.computeIfPresent(loginId, (id, old) -> {
            if (!old.containsKey(key)) {
                return old;
            }
            changed[0] = true;
            TreeMap<Integer, AttributeValue> next = new TreeMap<>(old);
            next.remove(key);
            return next.isEmpty() ? null : Collections.unmodifiableSortedMap(next);
        });
        return changed[0];
    }

    /** The attributes of a login; empty when it set none. */
    Map<Integer, AttributeValue> of(String loginId) {
        Map<Integer, AttributeValue> m = byLogin.get(loginId);
        return m == null ? Map.of() : m;
    }

    /** Forgets a login's attributes (it logged out). */
    void drop(String loginId) {
        byLogin.remove(loginId);
    }

    void clear() {
        byLogin.clear();
    }

    /** How many logins hold attributes; for tests. */
    int size() {
        return byLogin.size();
    }
}
