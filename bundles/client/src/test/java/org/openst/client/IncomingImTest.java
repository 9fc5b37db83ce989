package org.openst.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openst.protocol.ChannelAccept;
import org.openst.protocol.ChannelCreate;
import org.openst.protocol.ChannelDestroy;
import org.openst.protocol.ChannelSend;
import org.openst.protocol.CipherId;
import org.openst.protocol.EncryptItem;
import org.openst.protocol.EncryptOffer;
import org.openst.protocol.EncryptPolicy;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.HeaderOption;
import org.openst.protocol.IdBlock;
import org.openst.protocol.LoginInfo;
import org.openst.protocol.UserStatus;
import org.openst.protocol.UserStatusCode;
import org.openst.protocol.crypto.ChannelKeys;
import org.openst.protocol.crypto.DhKeyPair;
import org.openst.protocol.crypto.Rc2Stream;
import org.openst.protocol.im.ImAcceptData;
import org.openst.protocol.im.ImCreateData;
import org.openst.protocol.im.ImPayload;

class IncomingImTest extends ClientTestSupport {
    private static final int CH = 0x80000001;
    private final DhKeyPair bobKeys = DhKeyPair.generate(RANDOM);

    /** §8.2 #21: the relayed create of Bob's IM, with Bob's offer copied. */
    private ChannelCreate create(int id, int features, EncryptOffer offer, LoginInfo creator) {
        return new ChannelCreate(0, id, new IdBlock("alice", ""), 0x1000, 0x1000, 3, 0,
                ImCreateData.of(features).toBytes(), creator, offer);
    }

    private EncryptOffer meanwhileOffer() {
        return new EncryptOffer(EncryptPolicy.WHATEVER,
                List.of(EncryptItem.rc2_40(), EncryptItem.rc2_128(bobKeys.publicKeyPadded())),
                EncryptPolicy.WHATEVER, false);
    }

    @Test
    void autoAcceptPrefersRc2_128AndAnswersLikeMeanwhile() throws Exception {
        loggedIn();
        peer.send(create(CH, 0x00033453, meanwhileOffer(), BOB));

        ChannelAccept a = peer.read(ChannelAccept.class);
        assertEquals(CH, a.channel());
        assertEquals(0x1000, a.service());
        assertEquals(0x1000, a.protoType());
        assertEquals(3, a.protoVersion());
        assertArrayEquals(ImAcceptData.of(0x00033453, UserStatus.active()).toBytes(), a.addtl());
        assertNull(a.acceptor(), "§8.2 #22: acceptor_flag false");
        assertEquals(EncryptPolicy.RC2_128, a.encrypt().mode());
        assertEquals(EncryptPolicy.WHATEVER, a.encrypt().extra(), "extra = the offer's mode");
        assertEquals(CipherId.RC2_128, a.encrypt().item().cipherId());
        assertEquals(64, a.encrypt().item().info().length);

        ImConversation im = events.awaitConversation(WAIT);
        assertTrue(im.incoming());
        assertEquals("bob", im.peerUserId());
        assertEquals(BOB, im.peerLogin());
        assertEquals(ChannelCipher.RC2_128, im.cipher());

        byte[] key = ChannelKeys.rc2_128Key(bobKeys, a.encrypt().item().info());
        peer.send(new ChannelSend(CH, HeaderOption.ENCRYPT, 0x64,
                new Rc2Stream(key).encrypt(new ImPayload.Text("hi alice").encode())));
        assertEquals("hi alice", events.awaitIm(WAIT).text());

        im.sendText("hi bob");
        ChannelSend reply = peer.read(ChannelSend.class);
        assertEquals(CH, reply.channel());
        assertEquals(new ImPayload.Text("hi bob"), ImPayload.decode(new Rc2Stream(key).decrypt(reply.data())));

        peer.send(ChannelDestroy.of(CH, 0));
        EventCollector.Closed closed = events.awaitConversationClosed(WAIT);
        assertEquals(im, closed.conversation());
        assertEquals(0, closed.reason());
    }

    @Test
    void specificRc2_40ModeIsHonouredAndKeyedByLoginIds() throws Exception {
        loggedIn();
        EncryptOffer offer = new EncryptOffer(EncryptPolicy.RC2_40,
                List.of(EncryptItem.rc2_40(), EncryptItem.rc2_128(bobKeys.publicKeyPadded())),
                EncryptPolicy.RC2_40, false);
        peer.send(create(CH, 1, offer, BOB));
        ChannelAccept a = peer.read(ChannelAccept.class);
        assertEquals(EncryptPolicy.RC2_40, a.encrypt().mode());
        assertEquals(EncryptItem.rc2_40(), a.encrypt().item());
        assertEquals(EncryptPolicy.RC2_40, a.encrypt().extra());
        assertEquals(ChannelCipher.RC2_40, events.awaitConversation(WAIT).cipher());

        // §5.7: the client decrypts with the creator's login ID and encrypts with its own.
        peer.send(new ChannelSend(CH, HeaderOption.ENCRYPT, 0x64,
                new Rc2Stream(ChannelKeys.rc2_40Key("bob-login")).encrypt(new ImPayload.Text("x").encode())));
        EventCollector.Im got = events.awaitIm(WAIT);
        assertEquals("x", got.text());
        got.conversation().sendText("y");
        ChannelSend s = peer.read(ChannelSend.class);
        assertEquals(new ImPayload.Text("y"),
                ImPayload.decode(new Rc2Stream(ChannelKeys.rc2_40Key("alice-login")).decrypt(s.data())));
    }

    @Test
    void noOfferMeansNoCipher() throws Exception {
        loggedIn();
        peer.send(create(CH, 0x00033453, EncryptOffer.none(), BOB));
        ChannelAccept a = peer.read(ChannelAccept.class);
        assertEquals(EncryptPolicy.NONE, a.encrypt().mode());
        assertNull(a.encrypt().item());
        assertEquals(ChannelCipher.NONE, events.awaitConversation(WAIT).cipher());
    }

    @Test
    void meanwhilesRefusalRules() throws Exception {
        loggedIn(options().imFeatures(ImCreateData.FEATURES_NOTESBUDDY).build());
        // Rule 1: wrong proto version.
        peer.send(new ChannelCreate(0, 0x80000002, IdBlock.empty(), 0x1000, 0x1000, 2, 0,
                ImCreateData.of(1).toBytes(), BOB, EncryptOffer.none()));
        assertEquals(ChannelDestroy.of(0x80000002, ErrorCode.ERR_SERVICE_NO_SUPPORT), peer.read(ChannelDestroy.class));
        // Rule 2: addtl shorter than two u32.
        peer.send(new ChannelCreate(0, 0x80000003, IdBlock.empty(), 0x1000, 0x1000, 3, 0,
                new byte[] {0, 0, 0, 1}, BOB, EncryptOffer.none()));
        assertEquals(ChannelDestroy.of(0x80000003, ErrorCode.ERR_FAILURE), peer.read(ChannelDestroy.class));
        // Rule 4: a feature set the client does not speak.
        peer.send(create(0x80000004, 0x7777, EncryptOffer.none(), BOB));
        assertEquals(ChannelDestroy.of(0x80000004, ErrorCode.ERR_IM_NOT_REGISTERED), peer.read(ChannelDestroy.class));
        // §5.2: a server channel without bit 31.
        peer.send(create(5, 1, EncryptOffer.none(), BOB));
        assertEquals(ChannelDestroy.of(5, ErrorCode.ERR_REQUEST_INVALID), peer.read(ChannelDestroy.class));
        // Rule 5: own status BUSY.
        client.setStatus(new UserStatus(UserStatusCode.BUSY, 0, "dnd"));
        peer.read(org.openst.protocol.SetUserStatus.class);
        peer.send(create(0x80000006, 1, EncryptOffer.none(), BOB));
        assertEquals(ChannelDestroy.of(0x80000006, ErrorCode.ERR_CLIENT_USER_DND), peer.read(ChannelDestroy.class));
        assertTrue(events.isEmpty(), "no conversation was opened");
    }

    @Test
    void refusalOptionDestroysWithItsReason() throws Exception {
        loggedIn(options().refuseIncomingIm(ErrorCode.ERR_NOT_AUTHORIZED).build());
        peer.send(create(CH, 1, meanwhileOffer(), BOB));
        assertEquals(ChannelDestroy.of(CH, ErrorCode.ERR_NOT_AUTHORIZED), peer.read(ChannelDestroy.class));
    }

    @Test
    void encryptedDataOnAPlainChannelClosesIt() throws Exception {
        loggedIn();
        peer.send(create(CH, 1, EncryptOffer.none(), BOB));
        peer.read(ChannelAccept.class);
        ImConversation im = events.awaitConversation(WAIT);
        peer.send(new ChannelSend(CH, HeaderOption.ENCRYPT, 0x64, new byte[8]));
        assertEquals(ChannelDestroy.of(CH, ErrorCode.ERR_ENCRYPT_UNINITIALIZED), peer.read(ChannelDestroy.class));
        assertEquals(ErrorCode.ERR_ENCRYPT_UNINITIALIZED, events.awaitConversationClosed(WAIT).reason());
        assertTrue(!im.isOpen());
    }
}
