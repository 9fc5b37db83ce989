package org.openst.protocol.test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openst.protocol.Hex;
import org.openst.protocol.LoginInfo;
import org.openst.protocol.WireReader;
import org.openst.protocol.WireWriter;

/** The primitive encodings of §1.1. */
class PrimitivesTest {

    @Test
    void integersAreBigEndianAndUnsigned() {
        byte[] b = new WireWriter().u8(0xFE).u16(0xBEEF).u32(0xCAFEBABE).bool(true).bool(false).toByteArray();
        assertEquals("febeefcafebabe0100", Hex.of(b));
        WireReader r = new WireReader(b);
        assertEquals(0xFE, r.u8());
        assertEquals(0xBEEF, r.u16());
        assertEquals(0xCAFEBABE, r.u32());
        assertEquals(2, r.remaining());
    }

    @Test
    void u32LIsUnsignedAndBoolIsAnyNonZero() {
        WireReader r = new WireReader(Hex.parse("ffffffff 02 00"));
        assertEquals(0xFFFFFFFFL, r.u32L());
        assertTrue(r.bool());
        assertEquals(false, r.bool());
        assertEquals(6, r.position());
    }

    @Test
    void stringsAreUtf8WithU16Length() {
        byte[] b = new WireWriter().str("héllo").str(null).str("").toByteArray();
        assertEquals("0006" + "68c3a96c6c6f" + "0000" + "0000", Hex.of(b));
        WireReader r = new WireReader(b);
        assertEquals("héllo", r.str());
        assertEquals("", r.str());
        assertArrayEquals(new byte[0], r.strBytes());
    }

    @Test
    void oversizedStringIsRefused() {
        String big = "x".repeat(65536);
        assertThrows(IllegalArgumentException.class, () -> new WireWriter().str(big));
        assertEquals(65537, new WireWriter().str(big.substring(1)).size());
    }

    @Test
    void opaqueNullIsEmpty() {
        assertEquals("00000000", Hex.of(new WireWriter().opq(null).toByteArray()));
        WireReader r = new WireReader(Hex.parse("00000002 abcd ef"));
        assertArrayEquals(Hex.parse("abcd"), r.opq());
        assertArrayEquals(Hex.parse("ef"), r.rest());
        assertEquals(0, r.remaining());
    }

    @Test
    void writerGrows() {
        WireWriter w = new WireWriter(1);
        for (int i = 0; i < 10_000; i++) {
            w.u32(i);
        }
        assertEquals(40_000, w.size());
        assertEquals(9_999, new WireReader(w.toByteArray(), 39_996, 4).u32());
    }

    @Test
    void shortLoginInfoNormalisesAbsentFields() {
        LoginInfo brief = new LoginInfo("l", 1, "u", "n", null, false, "ignored", 42, "ignored");
        assertEquals(LoginInfo.brief("l", 1, "u", "n", ""), brief);
        WireWriter w = new WireWriter();
        brief.write(w);
        assertEquals(brief, LoginInfo.read(new WireReader(w.toByteArray())));
        // login_id, login_type, user_id, user_name, community, full flag: nothing after it.
        assertEquals(3 + 2 + 3 + 3 + 2 + 1, w.size());
    }
}
