package org.openst.protocol.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.openst.protocol.MessageCodec;
import org.openst.protocol.ProtocolException;
import org.openst.protocol.WireReader;
import org.openst.protocol.WireWriter;

/** One test per rule violation: each gives a ProtocolException that says what and where. */
class DecoderErrorsTest {

    private static String fail(byte[] body) {
        return assertThrows(ProtocolException.class, () -> MessageCodec.decode(body)).getMessage();
    }

    @Test
    void truncatedHeader() {
        String msg = fail(new byte[] {0, 9, 0, 0, 0});
        assertEquals("truncated header: 5 bytes, need 8", msg);
    }

    @Test
    void stringLongerThanRemaining() {
        byte[] body = new WireWriter().u16(0x0019).u16(0).u32(0).u16(900).raw(new byte[12]).toByteArray();
        assertEquals("ADMIN: string length 900 exceeds remaining 12 bytes at offset 8", fail(body));
    }

    @Test
    void opaqueLongerThanRemaining() {
        byte[] body = new WireWriter().u16(0x0004).u16(0).u32(3).u16(0x64).u32(1000).raw(new byte[5]).toByteArray();
        assertEquals("CHANNEL_SEND: opaque length 1000 exceeds remaining 5 bytes at offset 10", fail(body));
    }

    @Test
    void hugeOpaqueLengthIsNotNegative() {
        byte[] body = new WireWriter().u16(0x0004).u16(0).u32(3).u16(0x64).u32(0xFFFFFFFF).toByteArray();
        assertTrue(fail(body).contains("opaque length 4294967295 exceeds remaining 0 bytes"));
    }

    @Test
    void unknownMessageType() {
        byte[] body = new WireWriter().u16(0x1234).u16(0).u32(0).toByteArray();
        assertEquals("unknown message type 0x1234", fail(body));
    }

    @Test
    void truncatedLoginInfo() {
        byte[] ack = MessageCodec.encode(Samples.all().get(5)); // LOGIN_ACK with a full LoginInfo
        byte[] cut = Arrays.copyOf(ack, 8 + 13 + 2 + 3); // stops inside user_id
        String msg = fail(cut);
        assertTrue(msg.startsWith("LOGIN_ACK: string length 5 exceeds remaining 1 bytes at offset 23"), msg);
    }

    @Test
    void truncatedFixedField() {
        byte[] body = new WireWriter().u16(0x0011).u16(0).u32(0).u16(1).toByteArray();
        assertEquals("SENSE_SERVICE: u32 needs 4 bytes but only 2 remain at offset 8", fail(body));
    }

    @Test
    void offerLongerThanRemaining() {
        byte[] create = MessageCodec.encode(Samples.all().get(10));
        byte[] cut = Arrays.copyOf(create, create.length - 20);
        assertTrue(fail(cut).contains("encryption offer length 83 exceeds remaining"));
    }

    @Test
    void privacyCountLargerThanItems() {
        byte[] body = new WireWriter().u16(0x000B).u16(0).u32(0).bool(true).u32(1_000_000).toByteArray();
        assertTrue(fail(body).contains("privacy user count 1000000 exceeds remaining 0 bytes"));
    }

    @Test
    void readerNeverThrowsIndexOutOfBounds() {
        WireReader r = new WireReader(new byte[] {1, 2, 3}, 1, 2);
        assertEquals(0x0203, r.u16());
        assertThrows(ProtocolException.class, r::u8);
        assertThrows(ProtocolException.class, () -> r.skip(1));
        assertEquals(0, r.rest().length);
    }
}
