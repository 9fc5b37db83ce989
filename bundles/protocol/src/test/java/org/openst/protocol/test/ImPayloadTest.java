package org.openst.protocol.test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.openst.protocol.Hex;
import org.openst.protocol.ProtocolException;
import org.openst.protocol.UserStatus;
import org.openst.protocol.im.ImAcceptData;
import org.openst.protocol.im.ImCreateData;
import org.openst.protocol.im.ImPayload;

/** IM payloads (§6.1). */
class ImPayloadTest {

    @Test
    void typingUsesDataTypeOneWithSubtype() {
        assertEquals("00000002" + "00000001" + "00000000" + "00000000", Hex.of(new ImPayload.Typing(true).encode()));
        assertEquals("00000002" + "00000001" + "00000001" + "00000000", Hex.of(new ImPayload.Typing(false).encode()));
        assertEquals(new ImPayload.Typing(true), ImPayload.decode(new ImPayload.Typing(true).encode()));
        assertEquals(new ImPayload.Typing(false), ImPayload.decode(new ImPayload.Typing(false).encode()));
    }

    @Test
    void dataKindsRoundTrip() {
        ImPayload[] all = {new ImPayload.Text("héllo"), ImPayload.Data.html("<b>hi</b>"),
            ImPayload.Data.subject("topic"), new ImPayload.Data(ImPayload.DATA_MIME, 0, new byte[] {1, 2}),
            new ImPayload.Data(ImPayload.DATA_TIMESTAMP, 0, "2024:01:01:00:00:00".getBytes()),
            new ImPayload.Data(ImPayload.DATA_MULTI_START, 0, null),
            new ImPayload.Data(ImPayload.DATA_MULTI_STOP, 0, null)};
        for (ImPayload p : all) {
            assertEquals(p, ImPayload.decode(p.encode()));
            assertArrayEquals(p.encode(), ImPayload.decode(p.encode()).encode());
        }
        assertEquals("<b>hi</b>", ((ImPayload.Data) ImPayload.decode(all[1].encode())).text());
    }

    @Test
    void unknownKindIsRejected() {
        assertThrows(ProtocolException.class, () -> ImPayload.decode(Hex.parse("00000003")));
        assertThrows(ProtocolException.class, () -> ImPayload.decode(new byte[2]));
    }

    @Test
    void createAndAcceptData() {
        assertEquals("0000000100033453", Hex.of(ImCreateData.of(ImCreateData.FEATURES_NOTESBUDDY).toBytes()));
        assertThrows(ProtocolException.class, () -> ImCreateData.read(new byte[4]));
        ImAcceptData shortForm = ImAcceptData.read(Hex.parse("0000000100000001"));
        assertEquals(1, shortForm.features());
        assertNull(shortForm.status());
        ImAcceptData full = ImAcceptData.of(1, UserStatus.active());
        assertEquals(full, ImAcceptData.read(full.toBytes()));
    }
}
