package org.openst.resolve;

import java.util.List;

import org.openst.protocol.WireWriter;

/**
 * Encodes a resolve response (spec §6.5, msg_type {@code 0x0002} S→C):
 * {@code u32 0, u32 request_id, u32 code, u32 count, results}, one result per query in query
 * order; result {@code u32 0, u32 code, str name, u32 match count, matches}; match
 * {@code str id, str name, str desc, u32 type}.
 */
final class ResolveResponse {

    private ResolveResponse() {
    }

    static byte[] encode(int requestId, List<ResolveResult> results) {
        WireWriter w = new WireWriter(64 + results.size() * 64);
        w.u32(0).u32(requestId).u32(overallCode(results)).u32(results.size());
        for (ResolveResult result : results) {
            w.u32(0).u32(result.code()).str(result.name()).u32(result.matches().size());
            for (ResolveMatch m : result.matches()) {
                w.str(m.id()).str(m.name()).str(m.description()).u32(m.type());
            }
        }
        return w.toByteArray();
    }

    /**
     * The response's overall code, which Meanwhile hands to the application (Pidgin acts on the
     * results only when it is 0): success when every result succeeded, the shared code when every
     * result failed the same way, the first failure when they failed differently, and
     * {@link ResolveCodes#PARTIAL} ("only some of the nested searches were successful") when some
     * succeeded and some failed.
     */
    static int overallCode(List<ResolveResult> results) {
        int firstFailure = ResolveCodes.SUCCESS;
        int failures = 0;
        for (ResolveResult r : results) {
            if (ResolveCodes.failed(r.code())) {
                failures++;
                if (firstFailure == ResolveCodes.SUCCESS) {
                    firstFailure = r.code();
                }
            }
        }
        if (failures == 0) {
            return ResolveCodes.SUCCESS;
        }
        return failures == results.size() ? firstFailure : ResolveCodes.PARTIAL;
    }
}
