package org.openst.protocol.test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openst.protocol.ChannelAccept;
import org.openst.protocol.ChannelCreate;
import org.openst.protocol.ChannelSend;
import org.openst.protocol.EncryptAccept;
import org.openst.protocol.EncryptOffer;
import org.openst.protocol.Frames;
import org.openst.protocol.HeaderOption;
import org.openst.protocol.Message;
import org.openst.protocol.MessageCodec;
import org.openst.protocol.MessageType;
import org.openst.protocol.WireReader;
import org.openst.protocol.WireWriter;

/** encode→decode gives an equal message and decode→encode the same bytes, for every type. */
class RoundTripTest {

    private static byte[] roundTrip(Message m) {
        byte[] body = MessageCodec.encode(m);
        Message back = MessageCodec.decode(body);
        assertEquals(m, back, "decode(encode(m))");
        assertEquals(m.hashCode(), back.hashCode());
        assertEquals(m.toString(), back.toString());
        assertArrayEquals(body, MessageCodec.encode(back), "encode(decode(bytes))");
        assertArrayEquals(Frames.frame(body), MessageCodec.encodeFrame(m));
        assertEquals(m.type(), ((body[0] & 0xFF) << 8) | (body[1] & 0xFF));
        return body;
    }

    @Test
    void everyMessageTypeRoundTrips() {
        Set<Integer> types = new HashSet<>();
        for (Message m : Samples.all()) {
            roundTrip(m);
            types.add(m.type());
        }
        int[] all = {MessageType.HANDSHAKE, MessageType.HANDSHAKE_ACK, MessageType.LOGIN, MessageType.LOGIN_ACK,
            MessageType.LOGIN_REDIRECT, MessageType.LOGIN_CONTINUE, MessageType.CHANNEL_CREATE,
            MessageType.CHANNEL_ACCEPT, MessageType.CHANNEL_SEND, MessageType.CHANNEL_DESTROY,
            MessageType.SET_USER_STATUS, MessageType.SET_PRIVACY_LIST, MessageType.SENSE_SERVICE,
            MessageType.ADMIN, MessageType.ANNOUNCE};
        for (int t : all) {
            assertTrue(types.contains(t), "no sample of " + MessageType.name(t));
        }
    }

    @Test
    void offerWithBothCiphersIs83Bytes() {
        WireWriter w = new WireWriter();
        Samples.OFFER_BOTH.write(w);
        WireReader r = new WireReader(w.toByteArray());
        assertEquals(1, r.u16());
        assertEquals(83, r.u32());
        r.skip(83);
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 7}, r.rest());
        assertEquals(Samples.OFFER_BOTH, EncryptOffer.read(new WireReader(w.toByteArray())));
    }

    @Test
    void acceptBlockLengthsMatchTheVerifiedRun() {
        assertEquals(73, acceptLength(Samples.ACCEPT_128));
        assertEquals(9, acceptLength(Samples.ACCEPT_40));
        WireWriter w = new WireWriter();
        EncryptAccept.none().write(w);
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7}, w.toByteArray());
    }

    private static int acceptLength(EncryptAccept a) {
        WireWriter w = new WireWriter();
        a.write(w);
        WireReader r = new WireReader(w.toByteArray());
        r.u16();
        int len = r.u32();
        r.skip(len);
        assertEquals(10, r.remaining());
        return len;
    }

    @Test
    void createWithoutOfferIsModePlusTrailer() {
        ChannelCreate c = new ChannelCreate(0, 1, null, 0x18, 0x25, 1, 0, null, null, null);
        byte[] body = roundTrip(c);
        byte[] tail = java.util.Arrays.copyOfRange(body, body.length - 12, body.length);
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7}, tail);
    }

    @Test
    void relayedCreateKeepsTheOfferBytes() {
        ChannelCreate fromAlice = (ChannelCreate) Samples.all().get(10);
        ChannelCreate toBob = fromAlice.relayed(0x80000001, new org.openst.protocol.IdBlock("bob", ""), Samples.ALICE);
        byte[] a = MessageCodec.encode(fromAlice);
        byte[] b = MessageCodec.encode(toBob);
        byte[] offerA = java.util.Arrays.copyOfRange(a, a.length - 2 - 4 - 83 - 10, a.length);
        byte[] offerB = java.util.Arrays.copyOfRange(b, b.length - 2 - 4 - 83 - 10, b.length);
        assertArrayEquals(offerA, offerB);
        assertEquals(toBob, MessageCodec.decode(b));
    }

    @Test
    void attribsAreSkippedAndNotReencoded() {
        byte[] plain = MessageCodec.encode(ChannelSend.plain(7, 0x64, new byte[] {9}));
        WireWriter w = new WireWriter().u16(MessageType.CHANNEL_SEND)
                .u16(HeaderOption.HAS_ATTRIBS | HeaderOption.ENCRYPT).u32(7).opq(new byte[] {1, 2, 3})
                .u16(0x64).opq(new byte[] {9});
        ChannelSend s = (ChannelSend) MessageCodec.decode(w.toByteArray());
        assertEquals(HeaderOption.ENCRYPT, s.options());
        assertTrue(s.encrypted());
        byte[] again = MessageCodec.encode(s);
        assertEquals(plain.length, again.length);
        assertEquals(0x40, again[2]);
    }

    @Test
    void unknownTrailingBytesAreIgnored() {
        byte[] body = MessageCodec.encode(new org.openst.protocol.SenseService(0x15));
        byte[] longer = java.util.Arrays.copyOf(body, body.length + 3);
        assertEquals(new org.openst.protocol.SenseService(0x15), MessageCodec.decode(longer));
    }

    @Test
    void acceptWithoutTrailerStillDecodes() {
        ChannelAccept a = new ChannelAccept(1, 0x15, 0x15, 0, null, null, null);
        byte[] body = MessageCodec.encode(a);
        byte[] cut = java.util.Arrays.copyOf(body, body.length - 10);
        assertEquals(a, MessageCodec.decode(cut));
    }
}
