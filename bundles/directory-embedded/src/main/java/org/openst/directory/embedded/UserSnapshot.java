package org.openst.directory.embedded;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.openst.directory.api.DirectoryUser;

/** An immutable view of one successful read of the users file. */
final class UserSnapshot {

    static final UserSnapshot EMPTY = new UserSnapshot(List.of());

    private final List<Indexed> users;
    private final Map<String, Indexed> byKey;
    private final PasswordHash decoy;

    private record Indexed(UserEntry entry, DirectoryUser user, String idKey, String nameKey) {
    }

    UserSnapshot(List<UserEntry> entries) {
        List<Indexed> list = new ArrayList<>(entries.size());
        Map<String, Indexed> map = new HashMap<>();
        for (UserEntry e : entries) {
            Indexed ix = new Indexed(e, new DirectoryUser(e.userId(), e.displayName(), e.description()),
                    UserEntry.key(e.userId()), e.displayName().toLowerCase(Locale.ROOT));
            if (map.putIfAbsent(ix.idKey(), ix) == null) {
                list.add(ix);
            }
        }
        // Best-match order inside each tier of resolve(): display name, then user ID.
        list.sort(Comparator.comparing(Indexed::nameKey).thenComparing(Indexed::idKey));
        this.users = List.copyOf(list);
        this.byKey = Map.copyOf(map);
        // Unknown users cost a hash like known ones, so response times do not tell which names exist.
        this.decoy = PasswordHash.decoy(entries.isEmpty() ? 10_000 : entries.get(0).password().iterations());
    }

    int size() {
        return users.size();
    }

    /** The entry for a login name or user ID (ignoring case), disabled or not. */
    Optional<UserEntry> entry(String loginName) {
        Indexed ix = loginName == null ? null : byKey.get(UserEntry.key(loginName.strip()));
        return ix == null ? Optional.empty() : Optional.of(ix.entry());
    }

    Optional<DirectoryUser> findEnabled(String userId) {
        Indexed ix = userId == null ? null : byKey.get(UserEntry.key(userId));
        return ix == null || ix.entry().disabled() ? Optional.empty() : Optional.of(ix.user());
    }

    PasswordHash decoy() {
        return decoy;
    }

    /** Exact user ID, then exact display name, then prefix of either; ignoring case; enabled users only. */
    List<DirectoryUser> resolve(String name, int maxResults) {
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be at least 1, not " + maxResults);
        }
        if (name == null || name.isBlank()) {
            return List.of();
        }
        String q = name.strip().toLowerCase(Locale.ROOT);
        List<DirectoryUser> result = new ArrayList<>();
        Indexed exact = byKey.get(q);
        if (exact != null && !exact.entry().disabled()) {
            result.add(exact.user());
        }
        addMatches(result, maxResults, q, exact, true);
        addMatches(result, maxResults, q, exact, false);
        return result.size() > maxResults ? List.copyOf(result.subList(0, maxResults)) : List.copyOf(result);
    }

    /**
     * Browsing (spec §6.7 SEARCH): enabled users whose user ID or display name contains the query
     * (ignoring case), in display-name-then-ID order, from {@code offset}; "" lists everybody.
     */
    List<DirectoryUser> search(String query, int offset, int maxResults) {
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be at least 1, not " + maxResults);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, not " + offset);
        }
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        List<DirectoryUser> result = new ArrayList<>();
        int skipped = 0;
        for (Indexed ix : users) {
            if (ix.entry().disabled() || !(ix.idKey().contains(q) || ix.nameKey().contains(q))) {
                continue;
            }
            if (skipped < offset) {
                skipped++;
                continue;
            }
            result.add(ix.user());
            if (result.size() >= maxResults) {
                break;
            }
        }
        return List.copyOf(result);
    }

    private void addMatches(List<DirectoryUser> result, int max, String q, Indexed exactId, boolean exactName) {
        for (Indexed ix : users) {
            if (result.size() >= max) {
                return;
            }
            if (ix == exactId || ix.entry().disabled()) {
                continue;
            }
            boolean nameExact = ix.nameKey().equals(q);
            boolean match = exactName ? nameExact
                    : !nameExact && (ix.idKey().startsWith(q) || ix.nameKey().startsWith(q));
            if (match) {
                result.add(ix.user());
            }
        }
    }
}
