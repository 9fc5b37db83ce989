package org.openst.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openst.protocol.WireWriter;

/** One test per rule a request can break (spec §6.5). */
class ResolveRequestTest {

    @Test
    void aMeanwhileRequest() throws Exception {
        ResolveRequest r = ResolveRequest.parse(Wire.request(3, 0x0A, "alice", "Bob B"), 10);
        assertEquals(new ResolveRequest(3, List.of("alice", "Bob B"), 0x0A), r);
    }

    @Test
    void trailingBytesAreIgnored() throws Exception {
        byte[] req = Wire.request(3, 0x0A, "alice");
        byte[] longer = Arrays.copyOf(req, req.length + 3);
        assertEquals(List.of("alice"), ResolveRequest.parse(longer, 10).queries());
    }

    @Test
    void truncatedAnywhere() {
        byte[] req = Wire.request(3, 0x0A, "alice");
        for (int len = 0; len < req.length; len++) {
            byte[] cut = Arrays.copyOf(req, len);
            ResolveRequest.Malformed e = assertThrows(ResolveRequest.Malformed.class, () -> ResolveRequest.parse(cut, 10),
                    "length " + len);
            assertTrue(e.getMessage().startsWith("truncated request") || e.getMessage().contains("announces"), e.getMessage());
        }
    }

    @Test
    void aCountTheMessageCannotHold() {
        byte[] req = new WireWriter().u32(0).u32(5).u32(1000).u32(0).toByteArray();
        ResolveRequest.Malformed e = assertThrows(ResolveRequest.Malformed.class, () -> ResolveRequest.parse(req, 5000));
        assertEquals("request 5 announces 1000 queries but has only 4 bytes left", e.getMessage());
    }

    @Test
    void aCountAboveTheLimit() {
        byte[] req = new WireWriter().u32(0).u32(5).u32(0xFFFFFFFF).toByteArray();
        ResolveRequest.Malformed e = assertThrows(ResolveRequest.Malformed.class, () -> ResolveRequest.parse(req, 100));
        assertEquals("request 5 has 4294967295 queries; at most 100 are allowed", e.getMessage());
    }

    @Test
    void zeroQueriesIsAValidEmptyRequest() throws Exception {
        assertEquals(List.of(), ResolveRequest.parse(Wire.request(1, 0), 10).queries());
    }
}
