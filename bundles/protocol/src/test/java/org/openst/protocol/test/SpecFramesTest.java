package org.openst.protocol.test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.openst.protocol.AwareIdBlock;
import org.openst.protocol.AwareSnapshot;
import org.openst.protocol.ChannelAccept;
import org.openst.protocol.ChannelCreate;
import org.openst.protocol.ChannelSend;
import org.openst.protocol.EncryptAccept;
import org.openst.protocol.EncryptOffer;
import org.openst.protocol.Handshake;
import org.openst.protocol.Hex;
import org.openst.protocol.IdBlock;
import org.openst.protocol.LoginAck;
import org.openst.protocol.LoginInfo;
import org.openst.protocol.Message;
import org.openst.protocol.MessageCodec;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.ServiceType;
import org.openst.protocol.UserStatus;
import org.openst.protocol.UserStatusCode;
import org.openst.protocol.WireReader;
import org.openst.protocol.WireWriter;
import org.openst.protocol.im.ImAcceptData;
import org.openst.protocol.im.ImCreateData;
import org.openst.protocol.im.ImPayload;

/** Byte-exact decoding (and re-encoding) of every example frame in the spec. */
class SpecFramesTest {

    /** Decodes the frame, checks the expected message, and re-encodes to the same bytes. */
    private static Message check(byte[] frame, Message expected) {
        Message m = MessageCodec.decode(Bytes.body(frame));
        assertEquals(expected, m);
        assertArrayEquals(frame, MessageCodec.encodeFrame(expected));
        return m;
    }

    @Test
    void handshake_3_1() {
        byte[] frame = Bytes.of("00 00 00 2A",
                "00 00 00 00 00 00 00 00  00 1E 00 1D 00 00 00 00 00 00 00 00 17 00 00 00 00 00",
                "01 00 00 00 00 00 00 08", "\"testhost\"");
        Handshake h = (Handshake) check(frame, new Handshake(0x1E, 0x1D, 0, 0, 0x1700, 0, true, 0x0100, 0, "testhost"));
        assertEquals(0, h.channel());
        assertEquals(h, Handshake.meanwhileDefault(0x1700, "testhost"));
    }

    @Test
    void loginAck_3_4() {
        byte[] frame = Bytes.of("00 00 00 5A", "80 01 00 00 00 00 00 00",
                "00 0B", "\"alice-login\"", "17 00", "00 05", "\"alice\"", "00 0D", "\"Alice Example\"",
                "00 0B", "\"example.com\"", "01", "00 04", "\"desc\"", "7F 00 00 01", "00 04", "\"srv1\"",
                "00 00", "01 00 00 00 00", "00 20 00 00 00 00 00 00");
        assertEquals(94, frame.length);
        LoginInfo alice = new LoginInfo("alice-login", 0x1700, "alice", "Alice Example", "example.com",
                true, "desc", 0x7F000001, "srv1");
        check(frame, new LoginAck(alice, 0, PrivacyInfo.allowAll(), UserStatus.active()));
    }

    @Test
    void resolveCreateAndAccept_5_5() {
        byte[] create = Bytes.of("00 00 00 35", "00 02 00 00 00 00 00 00", "00 00 00 00", "00 00 00 01",
                "00 00 00 00", "00 00 00 15 00 00 00 15 00 00 00 00", "00 00 00 00", "00 00 00 00", "00",
                "00 00", "00 00 00 00 00 00 00 00 00 07");
        check(create, new ChannelCreate(0, 1, IdBlock.empty(), ServiceType.RESOLVE, 0x15, 0, 0,
                new byte[0], null, EncryptOffer.none()));

        byte[] accept = Bytes.of("00 00 00 25", "00 06 00 00 00 00 00 01",
                "00 00 00 15 00 00 00 15 00 00 00 00", "00 00 00 00", "00", "00 00",
                "00 00 00 00 00 00 00 00 00 07");
        check(accept, new ChannelAccept(1, ServiceType.RESOLVE, 0x15, 0, new byte[0], null, EncryptAccept.none()));
    }

    @Test
    void imCreateWithCreator_appendixB() {
        byte[] body = Bytes.of("00 02 00 00 00 00 00 00", "00 00 00 00", "80 00 00 01",
                "00 05", "\"alice\"", "00 00", "00 00 10 00 00 00 10 00 00 00 00 03", "00 00 00 00",
                "00 00 00 08 00 00 00 01 00 03 34 53", "01",
                "00 09", "\"bob-login\"", "10 03", "00 03", "\"bob\"", "00 0B", "\"Bob Builder\"",
                "00 0B", "\"example.com\"", "01", "00 04", "\"desc\"", "7F 00 00 01", "00 04", "\"srv1\"",
                "00 00", "00 00 00 00 00 00 00 00 00 07");
        LoginInfo bob = new LoginInfo("bob-login", 0x1003, "bob", "Bob Builder", "example.com", true,
                "desc", 0x7F000001, "srv1");
        ChannelCreate expected = new ChannelCreate(0, 0x80000001, new IdBlock("alice", ""), ServiceType.IM,
                0x1000, 3, 0, ImCreateData.of(ImCreateData.FEATURES_NOTESBUDDY).toBytes(), bob, EncryptOffer.none());
        check(Bytes.of(hexLength(body), hex(body)), expected);
        ChannelCreate c = (ChannelCreate) MessageCodec.decode(body);
        assertEquals(0, c.channel());
        assertEquals(new ImCreateData(1, 0x33453), ImCreateData.read(c.addtl()));
    }

    @Test
    void clientAcceptWithAddtl_appendixB() {
        byte[] body = Bytes.of("00 06 00 00 80 00 00 01", "00 00 10 00 00 00 10 00 00 00 00 03", "00 00 00 18",
                "00 00 00 01 00 03 34 53 00 00 00 02 00 20 00 00 00 00 00 04", "\"here\"", "00", "00 00",
                "00 00 00 00 00 00 00 00 00 07");
        ImAcceptData addtl = ImAcceptData.of(0x33453, new UserStatus(UserStatusCode.ACTIVE, 0, "here"));
        ChannelAccept expected = new ChannelAccept(0x80000001, ServiceType.IM, 0x1000, 3, addtl.toBytes(), null,
                EncryptAccept.none());
        ChannelAccept a = (ChannelAccept) check(Bytes.of(hexLength(body), hex(body)), expected);
        assertEquals(addtl, ImAcceptData.read(a.addtl()));
    }

    @Test
    void textPing_appendixB() {
        byte[] body = Bytes.of("00 04 00 00 80 00 00 01", "00 64", "00 00 00 0A 00 00 00 01 00 04", "\"ping\"");
        ChannelSend s = (ChannelSend) check(Bytes.of(hexLength(body), hex(body)),
                ChannelSend.plain(0x80000001, ImCreateData.MSG_TYPE, new ImPayload.Text("ping").encode()));
        assertEquals(new ImPayload.Text("ping"), ImPayload.decode(s.data()));
        assertEquals(false, s.encrypted());
    }

    @Test
    void awarenessUpdate_appendixB() {
        byte[] snapshot = Bytes.of("00 00 00 2D", "00 02 00 03", "\"bob\"", "00 00", "00 00", "01",
                "00 09", "\"bob-login\"", "00 60 00 00 00 00 00 05", "\"lunch\"", "00 03", "\"BOB\"");
        assertEquals(45, snapshot.length);
        byte[] body = Bytes.of("00 04 00 00 00 00 00 02", "01 F5", "00 00 00 2D", hex(snapshot));
        ChannelSend s = (ChannelSend) MessageCodec.decode(body);
        assertEquals(0x01F5, s.msgType());
        AwareSnapshot expected = new AwareSnapshot(AwareIdBlock.user("bob"), "", true, "bob-login",
                new UserStatus(UserStatusCode.AWAY, 0, "lunch"), "BOB");
        WireReader r = new WireReader(s.data());
        assertEquals(expected, AwareSnapshot.read(r));
        assertEquals(0, r.remaining());
        WireWriter w = new WireWriter();
        expected.write(w);
        assertArrayEquals(snapshot, w.toByteArray());
        assertArrayEquals(body, MessageCodec.encode(ChannelSend.plain(2, 0x01F5, w.toByteArray())));
    }

    @Test
    void snapshotListHonoursBlockLenExtensions() {
        // Two blocks, the first with 3 extension bytes counted in block_len (§1.2.6).
        WireWriter w = new WireWriter().u32(2);
        byte[] first = Bytes.of("00 00 00 11", "00 02 00 01", "\"a\"", "00 00", "00 00", "00", "AA BB CC");
        w.raw(first);
        AwareSnapshot second = AwareSnapshot.offline(AwareIdBlock.user("b"));
        second.write(w);
        WireReader r = new WireReader(w.toByteArray());
        assertEquals(2, r.u32());
        assertEquals(AwareSnapshot.offline(AwareIdBlock.user("a")), AwareSnapshot.read(r));
        assertEquals(second, AwareSnapshot.read(r));
        assertEquals(0, r.remaining());
    }

    private static String hexLength(byte[] body) {
        return String.format("%08x", body.length);
    }

    private static String hex(byte[] b) {
        return Hex.of(b);
    }
}
