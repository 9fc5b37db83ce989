package org.openst.conference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.IdBlock;
import org.openst.protocol.LoginInfo;
import org.openst.protocol.WireWriter;

/** The conference messages byte for byte, against the layouts Meanwhile's srvc_conf.c reads (§6.3). */
class ConferenceWireTest {

    private static final LoginInfo ALICE = LoginInfo.brief("L1234", 0x1700, "alice", "Alice", "");
    private static final String ALICE_HEX = "0005 4c31323334 1700 0005 616c696365 0005 416c696365 0000 00";

    private static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    private static String hexOf(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static void assertBytes(String expected, byte[] actual) {
        assertEquals(hexOf(hex(expected)), hexOf(actual));
    }

    @Test
    void invitationAddtlIsWhatRecvChannelCreateReads() {
        // u32 0, str name, str title, u32 0, LoginInfo, u32 0, str text (§6.3.2)
        assertBytes("00000000 0001 72 0001 74 00000000 " + ALICE_HEX + " 00000000 0002 6869",
                ConferenceWire.invitation("r", "t", ALICE, "hi"));
    }

    @Test
    void welcomeListsEveryMemberWithTheRecipientsIdInTheU16() {
        Conference c = new Conference("r", "t", x -> { });
        Member alice = new Member(c, 1, null, ALICE);
        Member bob = new Member(c, 2, null, LoginInfo.brief("B9876", 0x1700, "bob", "Bob", ""));
        // str name, str title, u16 recipient, u32 0, u32 count, (u16 id, LoginInfo)* (§6.3.3)
        assertBytes("0001 72 0001 74 0002 00000000 00000002 "
                + "0001 " + ALICE_HEX + " 0002 0005 4239383736 1700 0003 626f62 0003 426f62 0000 00",
                ConferenceWire.welcome("r", "t", 2, List.of(alice, bob)));
    }

    @Test
    void joinPartAndMessage() {
        Member alice = new Member(new Conference("r", "t", x -> { }), 7, null, ALICE);
        assertBytes("0007 " + ALICE_HEX, ConferenceWire.join(alice));
        assertBytes("0007", ConferenceWire.part(7));
        // u16 sender, opq(payload as received): Meanwhile reads the opaque's length, then the kind.
        assertBytes("0007 0000000a 00000001 0004 74657374", ConferenceWire.message(7, ConfWire.text("test")));
    }

    @Test
    void inviteFailedEchoesTheIdBlock() {
        assertBytes("0003 626f62 0000 80000006",
                ConferenceWire.inviteFailed(new IdBlock("bob", ""), ErrorCode.ERR_NO_USER));
    }

    @Test
    void createIsReadAsMeanwhileWritesIt() throws Malformed {
        ConferenceWire.Create c = ConferenceWire.parseCreate(ConfWire.create("alice(5f00aa00,1234)", "Chat"));
        assertEquals("alice(5f00aa00,1234)", c.name());
        assertEquals("Chat", c.title());
        // The trailing u32 is Meanwhile's, not required.
        assertEquals("n", ConferenceWire.parseCreate(new WireWriter().str("n").str("").toByteArray()).name());
        assertThrows(Malformed.class, () -> ConferenceWire.parseCreate(new byte[0]));
        assertThrows(Malformed.class, () -> ConferenceWire.parseCreate(new WireWriter().str("n").toByteArray()));
        assertThrows(Malformed.class, () -> ConferenceWire.parseCreate(hex("0009 6e")));
    }

    @Test
    void inviteIsReadAsMeanwhileWritesIt() throws Malformed {
        ConferenceWire.Invite i = ConferenceWire.parseInvite(ConfWire.invite("bob", "come in"));
        assertEquals("bob", i.userId());
        assertEquals(new IdBlock("bob", ""), i.invitee());
        assertEquals("come in", i.text());
        // An empty block falls back to invitee_user.
        byte[] fallback = new WireWriter().str("").str("").u16(0).u32(0).str("t").str("carol").toByteArray();
        assertEquals("carol", ConferenceWire.parseInvite(fallback).userId());
    }

    @Test
    void badInvitesAreMalformed() {
        byte[] whole = ConfWire.invite("bob", "come in");
        for (int cut = 0; cut < whole.length; cut++) {
            byte[] truncated = java.util.Arrays.copyOf(whole, cut);
            assertThrows(Malformed.class, () -> ConferenceWire.parseInvite(truncated), "cut at " + cut);
        }
        byte[] nobody = new WireWriter().str("").str("").u16(0).u32(0).str("t").str("").toByteArray();
        assertThrows(Malformed.class, () -> ConferenceWire.parseInvite(nobody));
    }

    @Test
    void messagePayloads() throws Malformed {
        ConferenceWire.Payload text = ConferenceWire.parseMessage(ConfWire.text("hi"));
        assertTrue(text.isText());
        assertEquals("hi", text.text());
        ConferenceWire.Payload typing = ConferenceWire.parseMessage(ConfWire.typing(true));
        assertFalse(typing.isText());
        assertNull(typing.text());
        assertThrows(Malformed.class, () -> ConferenceWire.parseMessage(hex("00000003 0000")));
        assertThrows(Malformed.class, () -> ConferenceWire.parseMessage(hex("00000001 0005 6869")));
        assertThrows(Malformed.class, () -> ConferenceWire.parseMessage(hex("00000002 00000001")));
        assertThrows(Malformed.class, () -> ConferenceWire.parseMessage(hex("0000")));
    }
}
