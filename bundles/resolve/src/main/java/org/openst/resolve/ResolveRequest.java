package org.openst.resolve;

import java.util.ArrayList;
import java.util.List;

import org.openst.protocol.ProtocolException;
import org.openst.protocol.WireReader;

/**
 * A resolve request (spec §6.5, msg_type {@code 0x0002} C→S):
 * {@code u32 0, u32 request_id, u32 count, count × str, u32 flags}.
 *
 * @param requestId echoed in the response
 * @param queries   the names, in request order
 * @param flags     {@link ResolveFlags}
 */
record ResolveRequest(int requestId, List<String> queries, int flags) {

    /** The one message type of the resolve service, both directions. */
    static final int MSG_RESOLVE = 0x0002;

    ResolveRequest {
        queries = List.copyOf(queries);
    }

    /** A request the service cannot read; the message says why, for the log. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /**
     * Decodes a request. Bytes after the flags are ignored, so a newer client's extensions do not
     * break the service.
     *
     * @param maxQueries the most queries one request may carry
     * @throws Malformed if it is truncated, or its count is above {@code maxQueries} or cannot fit
     */
    static ResolveRequest parse(byte[] data, int maxQueries) throws Malformed {
        try {
            WireReader r = new WireReader(data);
            r.u32(); // unknown, 0 from Meanwhile (§10 row 11)
            int requestId = r.u32();
            long count = r.u32L();
            if (count > maxQueries) {
                throw new Malformed("request " + Integer.toUnsignedString(requestId) + " has " + count
                        + " queries; at most " + maxQueries + " are allowed");
            }
            // Each str takes at least 2 bytes: refuse a count the message cannot hold before allocating.
            if (count * 2 > r.remaining()) {
                throw new Malformed("request " + Integer.toUnsignedString(requestId) + " announces " + count
                        + " queries but has only " + r.remaining() + " bytes left");
            }
            List<String> queries = new ArrayList<>((int) count);
            for (long i = 0; i < count; i++) {
                queries.add(r.str());
            }
            int flags = r.u32();
            return new ResolveRequest(requestId, queries, flags);
        } catch (ProtocolException e) {
            throw new Malformed("truncated request: " + e.getMessage());
        }
    }
}
