package org.openst.directory.ldap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The SPI's ordering rules applied to what a search returned (LDAP servers answer in their own
 * order): best match first for resolving, display name then ID for browsing, all ignoring case.
 */
final class NameOrder {

    private NameOrder() {
    }

    /**
     * Exact ID matches, then exact display-name matches, then prefix matches of either; inside a
     * tier by display name then ID; duplicates (same ID ignoring case) once; at most {@code max}.
     * Candidates that match in no tier are dropped (a server's matching rule may be looser).
     */
    static <T> List<T> ranked(List<T> candidates, String name, int max, Function<T, String> id, Function<T, String> displayName) {
        String q = key(name);
        List<List<T>> tiers = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (T t : unique(candidates, id)) {
            String i = key(id.apply(t));
            String n = key(displayName.apply(t));
            if (i.equals(q)) {
                tiers.get(0).add(t);
            } else if (n.equals(q)) {
                tiers.get(1).add(t);
            } else if (i.startsWith(q) || n.startsWith(q)) {
                tiers.get(2).add(t);
            }
        }
        List<T> result = new ArrayList<>();
        for (List<T> tier : tiers) {
            tier.sort(byName(id, displayName));
            for (T t : tier) {
                if (result.size() == max) {
                    return result;
                }
                result.add(t);
            }
        }
        return result;
    }

    /** Browsing order: display name, then ID, ignoring case; duplicates once. */
    static <T> List<T> sorted(List<T> candidates, Function<T, String> id, Function<T, String> displayName) {
        List<T> list = unique(candidates, id);
        list.sort(byName(id, displayName));
        return list;
    }

    static String key(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }

    private static <T> Comparator<T> byName(Function<T, String> id, Function<T, String> displayName) {
        return Comparator.comparing((T t) -> key(displayName.apply(t))).thenComparing(t -> key(id.apply(t)));
    }

    private static <T> List<T> unique(List<T> candidates, Function<T, String> id) {
        Map<String, T> byId = new LinkedHashMap<>();
        for (T t : candidates) {
            byId.putIfAbsent(key(id.apply(t)), t);
        }
        return new ArrayList<>(byId.values());
    }
}
