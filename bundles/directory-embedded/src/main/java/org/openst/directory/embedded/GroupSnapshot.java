package org.openst.directory.embedded;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.openst.directory.api.DirectoryGroup;
import org.openst.directory.api.DirectoryUser;

/** An immutable view of one successful read of the groups file. */
final class GroupSnapshot {

    static final GroupSnapshot EMPTY = new GroupSnapshot(List.of());

    private final List<Indexed> groups;
    private final Map<String, Indexed> byKey;

    private record Indexed(GroupEntry entry, DirectoryGroup group, String idKey, String nameKey) {
    }

    GroupSnapshot(List<GroupEntry> entries) {
        List<Indexed> list = new ArrayList<>(entries.size());
        Map<String, Indexed> map = new HashMap<>();
        for (GroupEntry e : entries) {
            Indexed ix = new Indexed(e, new DirectoryGroup(e.groupId(), e.displayName(), e.description()),
                    UserEntry.key(e.groupId()), e.displayName().toLowerCase(Locale.ROOT));
            if (map.putIfAbsent(ix.idKey(), ix) == null) {
                list.add(ix);
            }
        }
        // Best-match order inside each tier of findGroups(): display name, then group ID (as for users).
        list.sort(Comparator.comparing(Indexed::nameKey).thenComparing(Indexed::idKey));
        this.groups = List.copyOf(list);
        this.byKey = Map.copyOf(map);
    }

    int size() {
        return groups.size();
    }

    Optional<GroupEntry> entry(String groupId) {
        Indexed ix = groupId == null ? null : byKey.get(UserEntry.key(groupId.strip()));
        return ix == null ? Optional.empty() : Optional.of(ix.entry());
    }

    /** Exact group ID, then exact display name, then prefix of either; ignoring case (the SPI's resolve rules). */
    List<DirectoryGroup> find(String name, int maxResults) {
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be at least 1, not " + maxResults);
        }
        if (name == null || name.isBlank()) {
            return List.of();
        }
        String q = name.strip().toLowerCase(Locale.ROOT);
        List<DirectoryGroup> result = new ArrayList<>();
        Indexed exact = byKey.get(q);
        if (exact != null) {
            result.add(exact.group());
        }
        for (int tier = 1; tier <= 2; tier++) {
            for (Indexed ix : groups) {
                if (result.size() >= maxResults) {
                    return List.copyOf(result);
                }
                if (ix == exact) {
                    continue;
                }
                boolean nameExact = ix.nameKey().equals(q);
                boolean match = tier == 1 ? nameExact
                        : !nameExact && (ix.idKey().startsWith(q) || ix.nameKey().startsWith(q));
                if (match) {
                    result.add(ix.group());
                }
            }
        }
        return result.size() > maxResults ? List.copyOf(result.subList(0, maxResults)) : List.copyOf(result);
    }

    /** The group's members the users snapshot knows (enabled only), in file order; empty for an unknown group. */
    List<DirectoryUser> members(String groupId, UserSnapshot users) {
        Optional<GroupEntry> group = entry(groupId);
        if (group.isEmpty() || users == null) {
            return List.of();
        }
        List<DirectoryUser> result = new ArrayList<>();
        for (String member : group.get().memberIds()) {
            users.findEnabled(member).ifPresent(result::add);
        }
        return List.copyOf(result);
    }
}
