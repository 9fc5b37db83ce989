package org.openst.resolve;

import java.util.ArrayList;
import java.util.List;

import org.openst.protocol.WireReader;
import org.openst.protocol.WireWriter;

/** The client side of the resolve protocol, written from spec §6.5 for the tests. */
final class Wire {

    record Match(String id, String name, String desc, int type) {
    }

    record Result(int code, String name, List<Match> matches) {
        List<String> ids() {
            return matches.stream().map(Match::id).toList();
        }
    }

    record Response(int requestId, int code, List<Result> results) {
    }

    private Wire() {
    }

    static byte[] request(int requestId, int flags, String... queries) {
        WireWriter w = new WireWriter().u32(0).u32(requestId).u32(queries.length);
        for (String q : queries) {
            w.str(q);
        }
        return w.u32(flags).toByteArray();
    }

    static Response response(byte[] data) {
        WireReader r = new WireReader(data);
        if (r.u32() != 0) {
            throw new AssertionError("leading u32 must be 0");
        }
        int requestId = r.u32();
        int code = r.u32();
        int count = r.u32();
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (r.u32() != 0) {
                throw new AssertionError("a result's leading u32 must be 0");
            }
            int rc = r.u32();
            String name = r.str();
            int n = r.u32();
            List<Match> matches = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                matches.add(new Match(r.str(), r.str(), r.str(), r.u32()));
            }
            results.add(new Result(rc, name, matches));
        }
        if (r.remaining() != 0) {
            throw new AssertionError(r.remaining() + " bytes after the results");
        }
        return new Response(requestId, code, results);
    }
}
