package org.openst.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.openst.protocol.ChannelAccept;
import org.openst.protocol.ChannelCreate;
import org.openst.protocol.ChannelDestroy;
import org.openst.protocol.ChannelSend;
import org.openst.protocol.CipherId;
import org.openst.protocol.EncryptAccept;
import org.openst.protocol.EncryptItem;
import org.openst.protocol.EncryptPolicy;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.HeaderOption;
import org.openst.protocol.IdBlock;
import org.openst.protocol.MessageCodec;
import org.openst.protocol.UserStatus;
import org.openst.protocol.WireReader;
import org.openst.protocol.crypto.ChannelKeys;
import org.openst.protocol.crypto.DhKeyPair;
import org.openst.protocol.crypto.Rc2Stream;
import org.openst.protocol.im.ImAcceptData;
import org.openst.protocol.im.ImCreateData;
import org.openst.protocol.im.ImPayload;

class OutgoingImTest extends ClientTestSupport {
    private final DhKeyPair bobKeys = DhKeyPair.generate(RANDOM);

    @Test
    void createHasMeanwhilesLayoutAndRc2_128AcceptEncryptsBothWays() throws Exception {
        loggedIn();
        Future<ImConversation> open = async(() -> client.openIm("bob"));

        byte[] body = peer.readFrame();
        ChannelCreate c = (ChannelCreate) MessageCodec.decode(body);
        assertEquals(1, c.channelId(), "§5.2: first client channel");
        assertEquals(new IdBlock("bob", ""), c.target());
        assertEquals(0x1000, c.service());
        assertEquals(0x1000, c.protoType());
        assertEquals(3, c.protoVersion());
        assertArrayEquals(new ImCreateData(1, 0x00033453).toBytes(), c.addtl());
        assertNull(c.creator());
        assertEquals(EncryptPolicy.WHATEVER, c.encrypt().mode());
        assertEquals(EncryptPolicy.WHATEVER, c.encrypt().extra());
        assertFalse(c.encrypt().flag());
        List<EncryptItem> items = c.encrypt().items();
        assertEquals(2, items.size());
        assertEquals(EncryptItem.rc2_40(), items.get(0));
        assertEquals(CipherId.RC2_128, items.get(1).cipherId());
        assertEquals(64, items.get(1).info().length);
        // §5.5: mode, opaque of L = 83, then the 10-byte trailer ending the message.
        WireReader tail = new WireReader(body, body.length - 10 - 83 - 4 - 2, 16);
        assertEquals(EncryptPolicy.WHATEVER, tail.u16());
        assertEquals(83, tail.u32());
        assertEquals(0x0007, new WireReader(body, body.length - 2, 2).u16());

        // Bob accepts with RC2/128: his public key in the item, his LoginInfo as acceptor.
        peer.send(new ChannelAccept(1, 0x1000, 0x1000, 3,
                ImAcceptData.of(0x00033453, UserStatus.active()).toBytes(), BOB,
                new EncryptAccept(EncryptPolicy.RC2_128, EncryptItem.rc2_128(bobKeys.publicKeyPadded()),
                        EncryptPolicy.WHATEVER, false)));
        ImConversation im = result(open);
        assertEquals(ChannelCipher.RC2_128, im.cipher());
        assertEquals(BOB, im.peerLogin());
        assertEquals("bob", im.peerUserId());
        assertTrue(im.isOpen());

        // §5.7: key from Bob's private key and the client's offered public key; chained IVs.
        byte[] key = ChannelKeys.rc2_128Key(bobKeys, items.get(1).info());
        Rc2Stream fromClient = new Rc2Stream(key);
        im.sendText("hello");
        im.sendText("again");
        for (String expected : List.of("hello", "again")) {
            ChannelSend s = peer.read(ChannelSend.class);
            assertEquals(1, s.channel());
            assertEquals(HeaderOption.ENCRYPT, s.options());
            assertEquals(0x0064, s.msgType());
            assertEquals(new ImPayload.Text(expected), ImPayload.decode(fromClient.decrypt(s.data())));
        }

        Rc2Stream toClient = new Rc2Stream(key);
        peer.send(new ChannelSend(1, HeaderOption.ENCRYPT, 0x64, toClient.encrypt(new ImPayload.Text("hi").encode())));
        peer.send(new ChannelSend(1, HeaderOption.ENCRYPT, 0x64, toClient.encrypt(new ImPayload.Typing(true).encode())));
        EventCollector.Im got = events.awaitIm(WAIT);
        assertEquals("hi", got.text());
        assertEquals(im, got.conversation());
        assertEquals(new ImPayload.Typing(true), events.awaitIm(WAIT).payload());
    }

    @Test
    void sendTextsWritesEveryTextInOrderOnTheCipherChain() throws Exception {
        loggedIn();
        Future<ImConversation> open = async(() -> client.openIm("bob"));
        ChannelCreate c = peer.read(ChannelCreate.class);
        peer.send(new ChannelAccept(1, 0x1000, 0x1000, 3, new byte[0], BOB,
                new EncryptAccept(EncryptPolicy.RC2_128, EncryptItem.rc2_128(bobKeys.publicKeyPadded()),
                        EncryptPolicy.WHATEVER, false)));
        ImConversation im = result(open);
        im.sendTexts(List.of("one", "two", "three"));
        im.sendText("four");
        im.sendTexts(List.of());

        // §4.3: one RC2 chain per direction; the batch advances it like single sends would.
        Rc2Stream fromClient = new Rc2Stream(ChannelKeys.rc2_128Key(bobKeys, c.encrypt().items().get(1).info()));
        for (String expected : List.of("one", "two", "three", "four")) {
            ChannelSend s = peer.read(ChannelSend.class);
            assertEquals(HeaderOption.ENCRYPT, s.options());
            assertEquals(new ImPayload.Text(expected), ImPayload.decode(fromClient.decrypt(s.data())));
        }
    }

    @Test
    void rc2_40AcceptUsesBothLoginIds() throws Exception {
        loggedIn();
        Future<ImConversation> open = async(() -> client.openIm("bob"));
        peer.read(ChannelCreate.class);
        peer.send(new ChannelAccept(1, 0x1000, 0x1000, 3, new byte[0], BOB,
                new EncryptAccept(EncryptPolicy.RC2_40, EncryptItem.rc2_40(), EncryptPolicy.WHATEVER, false)));
        ImConversation im = result(open);
        assertEquals(ChannelCipher.RC2_40, im.cipher());

        // The client encrypts with "alice" (its own login ID) and decrypts with "bob-l".
        im.sendTyping(true);
        ChannelSend s = peer.read(ChannelSend.class);
        Rc2Stream fromClient = new Rc2Stream(ChannelKeys.rc2_40Key(ALICE.loginId()));
        assertEquals(new ImPayload.Typing(true), ImPayload.decode(fromClient.decrypt(s.data())));

        Rc2Stream toClient = new Rc2Stream(ChannelKeys.rc2_40Key(BOB.loginId()));
        peer.send(new ChannelSend(1, HeaderOption.ENCRYPT, 0x64, toClient.encrypt(new ImPayload.Text("yo").encode())));
        assertEquals("yo", events.awaitIm(WAIT).text());
    }

    @Test
    void noOfferAndPlainTextWhenCiphersAreDisabled() throws Exception {
        loggedIn(options().offerImCiphers(false).imFeatures(ImCreateData.FEATURES_PLAIN).build());
        Future<ImConversation> open = async(() -> client.openIm("bob"));
        ChannelCreate c = peer.read(ChannelCreate.class);
        assertEquals(EncryptPolicy.NONE, c.encrypt().mode());
        assertTrue(c.encrypt().items().isEmpty());
        assertArrayEquals(ImCreateData.of(1).toBytes(), c.addtl());
        peer.send(new ChannelAccept(1, 0x1000, 0x1000, 3, new byte[0], BOB, EncryptAccept.none()));
        ImConversation im = result(open);
        assertEquals(ChannelCipher.NONE, im.cipher());
        im.sendText("plain");
        ChannelSend s = peer.read(ChannelSend.class);
        assertEquals(0, s.options());
        assertEquals(new ImPayload.Text("plain"), ImPayload.decode(s.data()));
    }

    @Test
    void destroyInsteadOfAcceptIsARefusal() throws Exception {
        loggedIn();
        Future<ImConversation> open = async(() -> client.openIm("nobody"));
        ChannelCreate c = peer.read(ChannelCreate.class);
        peer.send(ChannelDestroy.of(c.channelId(), ErrorCode.ERR_NO_USER));
        ChannelRefusedException e = assertThrows(ChannelRefusedException.class, () -> result(open));
        assertEquals(ErrorCode.ERR_NO_USER, e.reason());
    }

    @Test
    void acceptWithACipherThatWasNotOfferedIsDestroyed() throws Exception {
        loggedIn(options().offerImCiphers(false).build());
        Future<ImConversation> open = async(() -> client.openIm("bob"));
        peer.read(ChannelCreate.class);
        peer.send(new ChannelAccept(1, 0x1000, 0x1000, 3, new byte[0], BOB,
                new EncryptAccept(EncryptPolicy.RC2_40, EncryptItem.rc2_40(), 1, false)));
        ChannelRefusedException e = assertThrows(ChannelRefusedException.class, () -> result(open));
        assertEquals(ErrorCode.ERR_REQUEST_INVALID, e.reason());
        assertEquals(ChannelDestroy.of(1, ErrorCode.ERR_REQUEST_INVALID), peer.read(ChannelDestroy.class));
    }

    @Test
    void longHtmlIsSegmentedAndCloseSendsReasonZero() throws Exception {
        loggedIn(options().offerImCiphers(false).build());
        Future<ImConversation> open = async(() -> client.openIm("bob"));
        peer.read(ChannelCreate.class);
        peer.send(new ChannelAccept(1, 0x1000, 0x1000, 3, new byte[0], BOB, EncryptAccept.none()));
        ImConversation im = result(open);

        String html = "<b>" + "x".repeat(5000) + "</b>";
        im.sendHtml(html);
        assertEquals(ImPayload.DATA_MULTI_START, data(peer.read(ChannelSend.class)).dataType());
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < 3; i++) { // 5007 bytes = 2048 + 2048 + 911 (§6.1.2)
            ImPayload.Data d = data(peer.read(ChannelSend.class));
            assertEquals(ImPayload.DATA_HTML, d.dataType());
            joined.append(new String(d.data(), StandardCharsets.UTF_8));
        }
        assertEquals(ImPayload.DATA_MULTI_STOP, data(peer.read(ChannelSend.class)).dataType());
        assertEquals(html, joined.toString());

        // The reverse direction is reassembled into one HTML message.
        peer.send(ChannelSend.plain(1, 0x64, new ImPayload.Data(ImPayload.DATA_MULTI_START, 0, null).encode()));
        peer.send(ChannelSend.plain(1, 0x64, ImPayload.Data.html("<i>part one, ").encode()));
        peer.send(ChannelSend.plain(1, 0x64, ImPayload.Data.html("part two</i>").encode()));
        peer.send(ChannelSend.plain(1, 0x64, new ImPayload.Data(ImPayload.DATA_MULTI_STOP, 0, null).encode()));
        assertEquals(ImPayload.Data.html("<i>part one, part two</i>"), events.awaitIm(WAIT).payload());

        im.close();
        assertEquals(ChannelDestroy.of(1, 0), peer.read(ChannelDestroy.class));
        assertFalse(im.isOpen());
        assertThrows(ChannelClosedException.class, () -> im.sendText("late"));
    }

    private static ImPayload.Data data(ChannelSend s) {
        return (ImPayload.Data) ImPayload.decode(s.data());
    }
}
