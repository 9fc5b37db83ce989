package org.openst.resolve;

import java.util.List;

/**
 * The answer to one query of a request (spec §6.5).
 *
 * @param code    {@link ResolveCodes}
 * @param name    the query as received
 * @param matches best first
 */
record ResolveResult(int code, String name, List<ResolveMatch> matches) {
    ResolveResult {
        matches = List.copyOf(matches);
    }

    static ResolveResult failure(int code, String name) {
        return new ResolveResult(code, name, List.of());
    }
}
