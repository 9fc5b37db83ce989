package org.openst.hub.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.openst.hub.api.LoginIds;

/**
 * The live logins of this hub, found by login ID and by user ID: the hub's part of the seed's
 * "routing by user ID / login ID". User IDs are matched case-insensitively, as people type them.
 */
final class SessionRegistry {
    private final ConcurrentHashMap<String, ClientSession> byLoginId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CopyOnWriteArrayList<ClientSession>> byUser = new ConcurrentHashMap<>();

    /** Adds a login; false if its login ID is already taken (the caller draws another). */
    boolean add(ClientSession session) {
        if (byLoginId.putIfAbsent(session.loginId(), session) != null) {
            return false;
        }
        byUser.computeIfAbsent(userKey(session.userId()), k -> new CopyOnWriteArrayList<>()).add(session);
        return true;
    }

    void remove(ClientSession session) {
        if (!byLoginId.remove(session.loginId(), session)) {
            return;
        }
        byUser.computeIfPresent(userKey(session.userId()), (k, list) -> {
            list.remove(session);
            return list.isEmpty() ? null : list;
        });
    }

    ClientSession byLoginId(String loginId) {
        return byLoginId.get(loginId);
    }

    /** The logins of a user, most recently active first. */
    List<ClientSession> byUser(String userId) {
        List<ClientSession> list = byUser.get(userKey(userId));
        if (list == null) {
            return List.of();
        }
        List<ClientSession> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparingLong(ClientSession::lastActivityNanos).reversed());
        return sorted;
    }

    /**
     * The login a channel addressed to {@code target} goes to: the login itself when the target is
     * a live login ID, else the user's most recently active login (spec §10 #18), never
     * {@code exclude}. Null when there is none.
     */
    ClientSession route(String target, ClientSession exclude) {
        if (LoginIds.isLoginId(target)) {
            ClientSession s = byLoginId.get(target);
            if (s != null) {
                return s == exclude ? null : s;
            }
        }
        List<ClientSession> list = byUser.get(userKey(target));
        if (list == null) {
            return null;
        }
        ClientSession best = null;
        for (ClientSession s : list) {
            if (s != exclude && (best == null || s.lastActivityNanos() > best.lastActivityNanos())) {
                best = s;
            }
        }
        return best;
    }

    Collection<ClientSession> all() {
        return byLoginId.values();
    }

    int size() {
        return byLoginId.size();
    }

    private static String userKey(String userId) {
        return userId.toLowerCase(Locale.ROOT);
    }
}
