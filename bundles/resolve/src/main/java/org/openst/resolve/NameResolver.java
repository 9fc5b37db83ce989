package org.openst.resolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.openst.directory.api.Directory;
import org.openst.directory.api.DirectoryGroup;
import org.openst.directory.api.DirectoryUser;

/**
 * Answers one query of a resolve request from a {@link Directory} (spec §6.5). May block: runs on
 * the service's workers, never on a network thread.
 *
 * <p>Order: exact ID matches, then exact display-name matches, then the rest (prefixes), users
 * before groups inside each tier and the directory's own order kept otherwise; so an exact user-ID
 * match is always first, which Pidgin's "add buddy" relies on (it adds the buddy at once only when
 * the single match's ID equals the query).
 */
final class NameResolver {

    private final int maxMatches;

    /** @param maxMatches the most matches one result lists (at least 1) */
    NameResolver(int maxMatches) {
        if (maxMatches < 1) {
            throw new IllegalArgumentException("max.matches must be at least 1, not " + maxMatches);
        }
        this.maxMatches = maxMatches;
    }

    /** A match with its tier: 0 exact ID, 1 exact display name, 2 anything else the directory returned. */
    private record Ranked(ResolveMatch match, int tier) {
    }

    ResolveResult resolve(Directory directory, String query, int flags) {
        if (query.isBlank()) {
            return ResolveResult.failure(ResolveCodes.BAD_FORMAT, query);
        }
        String key = query.strip().toLowerCase(Locale.ROOT);
        List<Ranked> ranked = new ArrayList<>();
        if (ResolveFlags.wantsUsers(flags)) {
            for (DirectoryUser u : directory.resolve(query, maxMatches)) {
                ResolveMatch m = ResolveMatch.of(u);
                ranked.add(new Ranked(m, tier(key, m)));
            }
        }
        if (ResolveFlags.wantsGroups(flags)) {
            for (DirectoryGroup g : directory.findGroups(query, maxMatches)) {
                ResolveMatch m = ResolveMatch.of(g);
                ranked.add(new Ranked(m, tier(key, m)));
            }
        }
        ranked.sort(Comparator.comparingInt(Ranked::tier)); // stable: users before groups, directory order kept
        if (ResolveFlags.unique(flags)) {
            return unique(query, ranked);
        }
        List<ResolveMatch> matches = new ArrayList<>();
        for (Ranked r : ranked.subList(0, Math.min(maxMatches, ranked.size()))) {
            matches.add(r.match());
        }
        return new ResolveResult(ResolveCodes.SUCCESS, query, matches);
    }

    /**
     * UNIQUE: "return unique results or none at all" (Meanwhile's flag documentation). The answer
     * is unique when the best tier holds exactly one match (an exact ID wins over prefix matches);
     * otherwise the result is {@link ResolveCodes#MULTIPLE} with no matches, and a client that wants
     * the candidates asks again without UNIQUE.
     */
    private static ResolveResult unique(String query, List<Ranked> ranked) {
        if (ranked.isEmpty()) {
            return new ResolveResult(ResolveCodes.SUCCESS, query, List.of());
        }
        int bestTier = ranked.get(0).tier();
        if (ranked.size() == 1 || ranked.get(1).tier() != bestTier) {
            return new ResolveResult(ResolveCodes.SUCCESS, query, List.of(ranked.get(0).match()));
        }
        return ResolveResult.failure(ResolveCodes.MULTIPLE, query);
    }

    private static int tier(String key, ResolveMatch m) {
        if (m.id().toLowerCase(Locale.ROOT).equals(key)) {
            return 0;
        }
        return m.name().toLowerCase(Locale.ROOT).equals(key) ? 1 : 2;
    }
}
