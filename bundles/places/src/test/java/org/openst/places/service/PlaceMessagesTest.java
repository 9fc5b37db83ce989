package org.openst.places.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openst.protocol.Hex;
import org.openst.protocol.LoginInfo;
import org.openst.protocol.ProtocolException;
import org.openst.protocol.WireWriter;

/** The codec byte by byte, against layouts written out by hand from spec §6.4. */
class PlaceMessagesTest {
    static final LoginInfo BOB = LoginInfo.brief("bob-login", 0x1003, "bob", "Bob Builder", "");

    @Test
    void infoIsSkipLenZeroSectionZeroTwoBytesAndTheTitle() {
        assertEquals("00000000" + "00000000" + "0000" + "0005" + "4c756e6368", Hex.of(PlaceMessages.placeInfo("Lunch")));
    }

    @Test
    void peerJoinAndPeerPartAreSectionScoped() {
        byte[] member = new WireWriter().u32(2).u16(1).str("bob").str("").str("bob-login").str("Bob Builder")
                .u16(0x1003).u32(0).u32(0).toByteArray();
        assertArrayEquals(new WireWriter().u16(1).u16(0).u32(1).u32(0).raw(member).toByteArray(),
                PlaceMessages.peerJoin(1, new MemberRecord(2, BOB)));
        assertArrayEquals(new WireWriter().u16(1).u16(1).u32(1).u32(2).toByteArray(), PlaceMessages.peerPart(1, 2));
    }

    @Test
    void sectionListPutsFourBytesBeforeEachMemberRecord() {
        byte[] expected = new WireWriter().u16(0).u32(0).u32(1).u32(0).u32(0).u32(1).u32(0).u32(0)
                .u32(0).u32(2).u16(1).str("bob").str("").str("bob-login").str("Bob Builder").u16(0x1003).u32(0).u32(0)
                .toByteArray();
        assertArrayEquals(expected, PlaceMessages.sectionList(1, List.of(new MemberRecord(2, BOB))));
    }

    @Test
    void messageCarriesTheSendersPayloadUnchanged() {
        byte[] payload = new WireWriter().u32(1).str("hi").toByteArray();
        assertArrayEquals(new WireWriter().u32(7).u32(1).opq(payload).toByteArray(), PlaceMessages.message(7, 1, payload));
        PlaceMessages.ChatMessage parsed = PlaceMessages.parseMessage(new WireWriter().u32(1).opq(payload).toByteArray());
        assertArrayEquals(payload, parsed.payload());
        assertEquals("hi", parsed.text());
    }

    @Test
    void truncatedOrForeignPayloadsAreRefused() {
        assertThrows(ProtocolException.class, () -> PlaceMessages.parseCreate(new WireWriter().str("only a name").toByteArray()));
        assertThrows(ProtocolException.class, () -> PlaceMessages.parseJoin(new byte[] {0, 0, 1}));
        assertThrows(ProtocolException.class, () -> PlaceMessages.parseSection(new WireWriter().u16(2).u32(1).toByteArray()));
        assertThrows(ProtocolException.class, () -> PlaceMessages.parseMessage(new WireWriter().u32(1).toByteArray()));
        assertThrows(ProtocolException.class,
                () -> PlaceMessages.parseMessage(new WireWriter().u32(1).opq(new byte[0]).toByteArray()));
        assertThrows(ProtocolException.class, () -> PlaceMessages.parseMessage(
                new WireWriter().u32(1).opq(new WireWriter().u32(1).u16(9).toByteArray()).toByteArray()));
        assertThrows(ProtocolException.class, () -> PlaceMessages.parseOldInvite(new WireWriter().str("bob").toByteArray()));
    }

    @Test
    void createDataToleratesAMissingTrailingWord() {
        assertEquals(new PlaceMessages.CreateData("lunch", "Lunch"),
                PlaceMessages.parseCreate(new WireWriter().str("lunch").str("Lunch").toByteArray()));
    }
}
