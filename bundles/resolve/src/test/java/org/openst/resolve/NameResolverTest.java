package org.openst.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class NameResolverTest {

    private final TestDirectory directory = new TestDirectory()
            .user("annie", "Ann", "")          // exact display name of "ann"
            .user("anna", "Anna", "")          // prefix
            .user("ann", "Zed", "")            // exact ID
            .group("ann", "Ann's group", "")   // exact group ID
            .group("team", "Ann", "");         // exact group display name

    private static List<String> ids(ResolveResult r) {
        return r.matches().stream().map(m -> m.id() + "/" + m.type()).toList();
    }

    @Test
    void tiersThenUsersBeforeGroups() {
        ResolveResult r = new NameResolver(50).resolve(directory, "ANN", ResolveFlags.USERS | ResolveFlags.GROUPS);
        assertEquals(ResolveCodes.SUCCESS, r.code());
        assertEquals(List.of("ann/1", "ann/2", "annie/1", "team/2", "anna/1"), ids(r));
    }

    @Test
    void uniquePicksTheOnlyBestMatch() {
        ResolveResult r = new NameResolver(50).resolve(directory, "ann", ResolveFlags.UNIQUE | ResolveFlags.USERS);
        assertEquals(List.of("ann/1"), ids(r));
        ResolveResult both = new NameResolver(50).resolve(directory, "ann",
                ResolveFlags.UNIQUE | ResolveFlags.USERS | ResolveFlags.GROUPS);
        assertEquals(ResolveCodes.MULTIPLE, both.code(), "user ann and group ann are equally exact");
        assertEquals(List.of(), both.matches());
        ResolveResult none = new NameResolver(50).resolve(directory, "xyz", ResolveFlags.UNIQUE);
        assertEquals(new ResolveResult(ResolveCodes.SUCCESS, "xyz", List.of()), none);
    }

    @Test
    void theCapAppliesAfterRanking() {
        TestDirectory ranked = new TestDirectory() // best first, as the SPI asks of directories
                .user("ann", "Zed", "").user("annie", "Ann", "").user("anna", "Anna", "")
                .group("ann", "Ann's group", "").group("team", "Ann", "");
        assertEquals(List.of("ann/1", "ann/2"),
                ids(new NameResolver(2).resolve(ranked, "ann", ResolveFlags.USERS | ResolveFlags.GROUPS)));
        assertThrows(IllegalArgumentException.class, () -> new NameResolver(0));
    }

    @Test
    void overallCodes() {
        ResolveResult ok = new ResolveResult(0, "a", List.of());
        ResolveResult multiple = ResolveResult.failure(ResolveCodes.MULTIPLE, "b");
        ResolveResult bad = ResolveResult.failure(ResolveCodes.BAD_FORMAT, "c");
        assertEquals(0, ResolveResponse.overallCode(List.of(ok, ok)));
        assertEquals(0, ResolveResponse.overallCode(List.of()));
        assertEquals(ResolveCodes.PARTIAL, ResolveResponse.overallCode(List.of(ok, multiple)));
        assertEquals(ResolveCodes.MULTIPLE, ResolveResponse.overallCode(List.of(multiple, multiple)));
        assertEquals(ResolveCodes.BAD_FORMAT, ResolveResponse.overallCode(List.of(bad, multiple)));
    }
}
