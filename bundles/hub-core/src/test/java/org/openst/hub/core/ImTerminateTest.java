package org.openst.hub.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import org.openst.client.ChannelCipher;
import org.openst.client.ChannelRefusedException;
import org.openst.client.ClientOptions;
import org.openst.client.EventCollector;
import org.openst.client.ImConversation;
import org.openst.hub.api.ImObserver;
import org.openst.hub.api.ImRecord;
import org.openst.hub.api.Login;
import org.openst.protocol.ChannelAccept;
import org.openst.protocol.ChannelCreate;
import org.openst.protocol.ChannelDestroy;
import org.openst.protocol.ChannelSend;
import org.openst.protocol.CipherId;
import org.openst.protocol.EncryptAccept;
import org.openst.protocol.EncryptItem;
import org.openst.protocol.EncryptOffer;
import org.openst.protocol.EncryptPolicy;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.HeaderOption;
import org.openst.protocol.LoginAck;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.PrivacyUser;
import org.openst.protocol.UserStatus;
import org.openst.protocol.crypto.DhKeyPair;
import org.openst.protocol.crypto.Rc2Stream;
import org.openst.protocol.im.ImAcceptData;
import org.openst.protocol.im.ImCreateData;
import org.openst.protocol.im.ImPayload;

/**
 * IM "Terminate" mode (spec §5.8): while an {@link ImObserver} is registered the hub is the cipher
 * end of both legs of new IM channels, shows the observers the texts and re-encrypts toward the
 * other user; each client still negotiates a cipher with "the other end".
 */
class ImTerminateTest {
    private static final Duration WAIT = Clients.WAIT;
    private static final String UNICODE = "hello bob ✓ ünïcödé 日本語";

    @Test
    void rc2_128AtBothEndsTextsByteExactBothWaysAndObservedInOrder() throws Exception {
        RecordingObserver observer = new RecordingObserver();
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw");
                Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            hub.addImObserver(observer);
            ImConversation toBob = alice.client().openIm("bob");
            assertEquals(ChannelCipher.RC2_128, toBob.cipher(), "the hub accepted Alice's RC2/128 with its own key");
            assertEquals(bob.client().loginInfo().loginId(), toBob.peerLogin().loginId(), "acceptor block is Bob's login");
            ImConversation fromAlice = bob.events().awaitConversation(WAIT);
            assertEquals(ChannelCipher.RC2_128, fromAlice.cipher(), "Bob took the hub's RC2/128 offer");
            assertEquals(alice.client().loginInfo().loginId(), fromAlice.peerLogin().loginId(), "creator block is Alice's login");
            assertEquals("", fromAlice.peerLogin().community(), "own community left empty (spec §5.9)");

            toBob.sendTyping(true);
            assertEquals(new ImPayload.Typing(true), bob.events().awaitIm(WAIT).payload());
            toBob.sendText(UNICODE);
            assertEquals(new ImPayload.Text(UNICODE), bob.events().awaitIm(WAIT).payload());
            fromAlice.sendText("hi alice");
            assertEquals("hi alice", alice.events().awaitIm(WAIT).text());
            toBob.sendHtml("<b>bold</b> &amp; ü");
            assertEquals(ImPayload.Data.html("<b>bold</b> &amp; ü"), bob.events().awaitIm(WAIT).payload());
            toBob.send(ImPayload.Data.subject("plans"));
            assertEquals(ImPayload.Data.subject("plans"), bob.events().awaitIm(WAIT).payload());
            byte[] mime = "Content-Type: text/html\r\n\r\n<p>image</p>".getBytes(StandardCharsets.UTF_8);
            fromAlice.send(new ImPayload.Data(ImPayload.DATA_MIME, 0, mime));
            assertArrayEquals(mime, ((ImPayload.Data) alice.events().awaitIm(WAIT).payload()).data());

            String conversation = alice.client().loginInfo().loginId() + "/" + Integer.toHexString(toBob.channelId());
            Login a = login(hub, alice);
            Login b = login(hub, bob);
            assertRecord(observer.next(WAIT), a, b, conversation, "text", UNICODE); // typing is no text
            assertRecord(observer.next(WAIT), b, a, conversation, "text", "hi alice");
            assertRecord(observer.next(WAIT), a, b, conversation, "html", "<b>bold</b> &amp; ü");
            assertRecord(observer.next(WAIT), a, b, conversation, "subject", "plans");
            assertRecord(observer.next(WAIT), b, a, conversation, "mime", new String(mime, StandardCharsets.UTF_8));
        }
    }

    @Test
    void segmentedHtmlIsDeliveredByteExactAndObservedWhole() throws Exception {
        RecordingObserver observer = new RecordingObserver();
        // "a" then 2-byte characters: every 2048-byte cut falls inside a UTF-8 sequence (§6.1.2).
        String longHtml = "a" + "ü".repeat(3000) + "<b>end</b>";
        String longReply = "<i>" + "日本".repeat(1500) + "</i>";
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw");
                Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            hub.addImObserver(observer);
            ImConversation toBob = alice.client().openIm("bob");
            ImConversation fromAlice = bob.events().awaitConversation(WAIT);
            toBob.sendHtml(longHtml);
            assertEquals(ImPayload.Data.html(longHtml), bob.events().awaitIm(WAIT).payload());
            fromAlice.sendHtml(longReply);
            assertEquals(ImPayload.Data.html(longReply), alice.events().awaitIm(WAIT).payload());

            ImRecord first = observer.next(WAIT);
            assertEquals("html", first.format());
            assertEquals(longHtml, first.text());
            ImRecord second = observer.next(WAIT);
            assertEquals("bob", second.from().userId());
            assertEquals(longReply, second.text());
        }
    }

    @Test
    void theHubOffersOneRc2_128ItemAndForwardsSegmentsOneByOne() throws Exception {
        RecordingObserver observer = new RecordingObserver();
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw");
                RawClient bob = new RawClient(hub.port())) {
            hub.addImObserver(observer);
            LoginAck bobAck = assertInstanceOf(LoginAck.class, RawLogin.login(bob, "bob", "bob-pw"));
            CompletableFuture<ImConversation> opening = openImAsync(alice, "bob");

            ChannelCreate create = bob.next(ChannelCreate.class, WAIT);
            // §5.6 [REC]: a server-created channel offers exactly one cipher with its specific mode.
            EncryptOffer offer = create.encrypt();
            assertEquals(EncryptPolicy.RC2_128, offer.mode());
            assertEquals(EncryptPolicy.RC2_128, offer.extra());
            assertEquals(1, offer.items().size());
            assertEquals(CipherId.RC2_128, offer.items().get(0).cipherId());
            assertEquals(64, offer.items().get(0).info().length);
            assertEquals(alice.client().loginInfo().loginId(), create.creator().loginId());
            assertEquals(ImCreateData.FEATURES_NOTESBUDDY, ImCreateData.read(create.addtl()).features());

            DhKeyPair bobKeys = DhKeyPair.generate(new SecureRandom());
            bob.send(new ChannelAccept(create.channelId(), create.service(), create.protoType(), create.protoVersion(),
                    ImAcceptData.of(ImCreateData.FEATURES_NOTESBUDDY, UserStatus.active()).toBytes(), null,
                    new EncryptAccept(EncryptPolicy.RC2_128, EncryptItem.rc2_128(bobKeys.publicKeyPadded()), offer.mode(), false)));
            ImConversation toBob = opening.join();
            assertEquals(ChannelCipher.RC2_128, toBob.cipher());
            assertEquals(bobAck.login().loginId(), toBob.peerLogin().loginId());

            byte[] key = bobKeys.sharedKey(offer.items().get(0).info());
            Rc2Stream fromHub = new Rc2Stream(key);
            Rc2Stream toHub = new Rc2Stream(key);
            String longHtml = "x".repeat(5000);
            toBob.sendHtml(longHtml);
            assertEquals(ImPayload.DATA_MULTI_START, nextData(bob, fromHub).dataType());
            assertEquals(2048, nextData(bob, fromHub).data().length);
            assertEquals(2048, nextData(bob, fromHub).data().length);
            assertEquals(5000 - 4096, nextData(bob, fromHub).data().length);
            assertEquals(ImPayload.DATA_MULTI_STOP, nextData(bob, fromHub).dataType());

            bob.send(new ChannelSend(create.channelId(), HeaderOption.ENCRYPT, ImCreateData.MSG_TYPE,
                    toHub.encrypt(new ImPayload.Text("raw reply").encode())));
            assertEquals("raw reply", alice.events().awaitIm(WAIT).text());
            assertEquals(longHtml, observer.next(WAIT).text());
            assertEquals("raw reply", observer.next(WAIT).text());
        }
    }

    @Test
    void aTargetChoosingACipherTheHubDidNotOfferEndsThePair() throws Exception {
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw");
                RawClient bob = new RawClient(hub.port())) {
            hub.addImObserver(new RecordingObserver());
            assertInstanceOf(LoginAck.class, RawLogin.login(bob, "bob", "bob-pw"));
            CompletableFuture<ImConversation> opening = openImAsync(alice, "bob");
            ChannelCreate create = bob.next(ChannelCreate.class, WAIT);
            bob.send(new ChannelAccept(create.channelId(), create.service(), create.protoType(), create.protoVersion(),
                    new byte[0], null, new EncryptAccept(EncryptPolicy.RC2_40, EncryptItem.rc2_40(), create.encrypt().mode(), false)));
            assertEquals(ChannelDestroy.of(create.channelId(), ErrorCode.ERR_REQUEST_INVALID), bob.next(ChannelDestroy.class, WAIT));
            CompletionException e = assertThrows(CompletionException.class, opening::join);
            assertEquals(ErrorCode.ERR_REQUEST_INVALID, assertInstanceOf(ChannelRefusedException.class, e.getCause().getCause()).reason());
        }
    }

    @Test
    void anOfferedKeyOutOfRangeIsRefusedWithEncryptInvalid() throws Exception {
        try (TestHub hub = new TestHub(); RawClient alice = new RawClient(hub.port()); Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            hub.addImObserver(new RecordingObserver());
            assertInstanceOf(LoginAck.class, RawLogin.login(alice, "alice", "alice-pw"));
            EncryptOffer badKey = new EncryptOffer(EncryptPolicy.WHATEVER, List.of(EncryptItem.rc2_128(new byte[] {1})),
                    EncryptPolicy.WHATEVER, false);
            alice.send(new ChannelCreate(0, 1, new org.openst.protocol.IdBlock("bob", ""), 0x1000, 0x1000, 3, 0,
                    ImCreateData.of(ImCreateData.FEATURES_PLAIN).toBytes(), null, badKey));
            assertEquals(ChannelDestroy.of(1, ErrorCode.ERR_ENCRYPT_INVALID), alice.next(ChannelDestroy.class, WAIT));
            assertTrue(bob.events().isEmpty(), "Bob never heard of it");
        }
    }

    @Test
    void anRc2_40OnlyOfferIsAcceptedWithRc2_40WhileTheTargetGetsRc2_128() throws Exception {
        RecordingObserver observer = new RecordingObserver();
        ClientOptions.Builder oldClient = ClientOptions.builder().offerImCiphers(ChannelCipher.RC2_40);
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw", oldClient);
                Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            hub.addImObserver(observer);
            ImConversation toBob = alice.client().openIm("bob");
            assertEquals(ChannelCipher.RC2_40, toBob.cipher());
            ImConversation fromAlice = bob.events().awaitConversation(WAIT);
            assertEquals(ChannelCipher.RC2_128, fromAlice.cipher());
            // Keys per §5.7: Alice encrypts with her login ID and decrypts with Bob's, the acceptor.
            toBob.sendText(UNICODE);
            assertEquals(UNICODE, bob.events().awaitIm(WAIT).text());
            fromAlice.sendText("back");
            assertEquals("back", alice.events().awaitIm(WAIT).text());
            toBob.sendText("again");
            assertEquals("again", bob.events().awaitIm(WAIT).text());
            assertEquals(UNICODE, observer.next(WAIT).text());
            assertEquals("back", observer.next(WAIT).text());
            assertEquals("again", observer.next(WAIT).text());
        }
    }

    @Test
    void noOfferMeansPlainBothWays() throws Exception {
        RecordingObserver observer = new RecordingObserver();
        ClientOptions.Builder plain = ClientOptions.builder().offerImCiphers(false).imFeatures(ImCreateData.FEATURES_PLAIN);
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw", plain);
                Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            hub.addImObserver(observer);
            ImConversation toBob = alice.client().openIm("bob");
            assertEquals(ChannelCipher.NONE, toBob.cipher());
            ImConversation fromAlice = bob.events().awaitConversation(WAIT);
            assertEquals(ChannelCipher.NONE, fromAlice.cipher(), "the hub offers Bob nothing either");
            toBob.sendText("plain");
            assertEquals("plain", bob.events().awaitIm(WAIT).text());
            fromAlice.sendText("plain too");
            assertEquals("plain too", alice.events().awaitIm(WAIT).text());
            assertEquals("plain", observer.next(WAIT).text());
            assertEquals("plain too", observer.next(WAIT).text());
        }
    }

    @Test
    void channelsKeepTheModeTheyWereCreatedInWhileObserversComeAndGo() throws Exception {
        RecordingObserver observer = new RecordingObserver();
        // With an RC2/40-only offer the mode shows at Bob's end: a relay hands him Alice's offer
        // (RC2/40), a terminated channel the hub's (RC2/128).
        ClientOptions.Builder rc2_40 = ClientOptions.builder().offerImCiphers(ChannelCipher.RC2_40);
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw", rc2_40);
                Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            ImConversation before = alice.client().openIm("bob");
            assertEquals(ChannelCipher.RC2_40, bob.events().awaitConversation(WAIT).cipher(), "relayed");

            hub.addImObserver(observer);
            ImConversation during = alice.client().openIm("bob");
            assertEquals(ChannelCipher.RC2_128, bob.events().awaitConversation(WAIT).cipher(), "terminated");
            before.sendText("relayed, unobserved");
            during.sendText("terminated, observed");
            assertEquals("relayed, unobserved", bob.events().awaitIm(WAIT).text());
            assertEquals("terminated, observed", bob.events().awaitIm(WAIT).text());
            // Alice's messages are handled in order, so the first record is the second message's.
            assertEquals("terminated, observed", observer.next(WAIT).text());

            hub.removeImObserver(observer);
            ImConversation after = alice.client().openIm("bob");
            assertEquals(ChannelCipher.RC2_40, bob.events().awaitConversation(WAIT).cipher(), "relayed again");
            during.sendText("still terminated");
            after.sendText("relayed again");
            assertEquals("still terminated", bob.events().awaitIm(WAIT).text());
            assertEquals("relayed again", bob.events().awaitIm(WAIT).text());
            assertTrue(observer.isEmpty(), "a removed observer sees nothing");
        }
    }

    @Test
    void aThrowingObserverDisturbsNeitherDeliveryNorOtherObservers() throws Exception {
        RecordingObserver observer = new RecordingObserver();
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw");
                Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            hub.addImObserver(record -> {
                throw new IllegalStateException("observer failure for the test");
            });
            hub.addImObserver(observer);
            ImConversation toBob = alice.client().openIm("bob");
            toBob.sendText("one");
            toBob.sendText("two");
            assertEquals("one", bob.events().awaitIm(WAIT).text());
            assertEquals("two", bob.events().awaitIm(WAIT).text());
            assertEquals("one", observer.next(WAIT).text());
            assertEquals("two", observer.next(WAIT).text());
            assertTrue(toBob.isOpen());
        }
    }

    @Test
    void anUnencryptedMessageOnAnEncryptedChannelEndsThatPairOnly() throws Exception {
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw");
                Clients bob = Clients.login(hub, "bob", "bob-pw"); Clients carol = Clients.login(hub, "carol", "carol-pw")) {
            hub.addImObserver(new RecordingObserver());
            ImConversation toBob = alice.client().openIm("bob");
            bob.events().awaitConversation(WAIT);
            ImConversation toCarol = alice.client().openIm("carol");
            carol.events().awaitConversation(WAIT);

            // §5.7: the ENCRYPT bit must be set exactly when the data is encrypted.
            alice.client().sendRaw(ChannelSend.plain(toBob.channelId(), ImCreateData.MSG_TYPE,
                    new ImPayload.Text("in clear").encode()));
            EventCollector.Closed atAlice = alice.events().awaitConversationClosed(WAIT);
            assertEquals(toBob.channelId(), atAlice.conversation().channelId());
            assertEquals(ErrorCode.ERR_REQUEST_INVALID, atAlice.reason());
            assertEquals(ErrorCode.ERR_REQUEST_INVALID, bob.events().awaitConversationClosed(WAIT).reason());

            toCarol.sendText("the other conversation goes on");
            assertEquals("the other conversation goes on", carol.events().awaitIm(WAIT).text());
            assertTrue(alice.client().isConnected() && bob.client().isConnected());
        }
    }

    @Test
    void anEncryptedMessageOnAPlainChannelEndsThatPair() throws Exception {
        ClientOptions.Builder plain = ClientOptions.builder().offerImCiphers(false);
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw", plain);
                Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            hub.addImObserver(new RecordingObserver());
            ImConversation toBob = alice.client().openIm("bob");
            bob.events().awaitConversation(WAIT);
            alice.client().sendRaw(new ChannelSend(toBob.channelId(), HeaderOption.ENCRYPT, ImCreateData.MSG_TYPE, new byte[8]));
            assertEquals(ErrorCode.ERR_REQUEST_INVALID, alice.events().awaitConversationClosed(WAIT).reason());
            assertEquals(ErrorCode.ERR_REQUEST_INVALID, bob.events().awaitConversationClosed(WAIT).reason());
            assertTrue(alice.client().isConnected());
        }
    }

    @Test
    void logoutAndPrivacyWorkAsForRelays() throws Exception {
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw");
                Clients bob = Clients.login(hub, "bob", "bob-pw"); Clients carol = Clients.login(hub, "carol", "carol-pw")) {
            hub.addImObserver(new RecordingObserver());
            ImConversation toBob = alice.client().openIm("bob");
            bob.events().awaitConversation(WAIT);
            bob.client().logout();
            EventCollector.Closed closed = alice.events().awaitConversationClosed(WAIT);
            assertEquals(toBob.channelId(), closed.conversation().channelId());
            assertEquals(ErrorCode.ERR_CLIENT_USER_GONE, closed.reason());

            carol.client().setPrivacy(new PrivacyInfo(true, List.of(PrivacyUser.of("alice"))));
            Awaits.until(() -> !hub.community().loginsOf("carol").get(0).privacy().users().isEmpty(), "carol's list");
            ChannelRefusedException refused = assertThrows(ChannelRefusedException.class, () -> alice.client().openIm("carol"));
            assertEquals(ErrorCode.ERR_NOT_AUTHORIZED, refused.reason());
        }
    }

    @Test
    void aDestroyIsForwardedWithItsReason() throws Exception {
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw");
                Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            hub.addImObserver(new RecordingObserver());
            ImConversation toBob = alice.client().openIm("bob");
            ImConversation fromAlice = bob.events().awaitConversation(WAIT);
            fromAlice.close();
            EventCollector.Closed closed = alice.events().awaitConversationClosed(WAIT);
            assertEquals(toBob.channelId(), closed.conversation().channelId());
            assertEquals(0, closed.reason());
        }
    }

    @Test
    void fileTransferStaysRelayedWithAnObserver() throws Exception {
        try (TestHub hub = new TestHub(); RawClient alice = new RawClient(hub.port()); RawClient bob = new RawClient(hub.port())) {
            hub.addImObserver(new RecordingObserver());
            assertInstanceOf(LoginAck.class, RawLogin.login(alice, "alice", "alice-pw"));
            assertInstanceOf(LoginAck.class, RawLogin.login(bob, "bob", "bob-pw"));
            EncryptOffer meanwhile = new EncryptOffer(EncryptPolicy.WHATEVER, List.of(EncryptItem.rc2_40(),
                    EncryptItem.rc2_128(DhKeyPair.generate(new SecureRandom()).publicKeyPadded())), EncryptPolicy.WHATEVER, false);
            alice.send(new ChannelCreate(0, 1, new org.openst.protocol.IdBlock("bob", ""), 0x38, 0, 1, 0, new byte[4],
                    null, meanwhile));
            ChannelCreate atBob = bob.next(ChannelCreate.class, WAIT);
            assertEquals(meanwhile, atBob.encrypt(), "a relay copies the offer unchanged (§5.8)");
            bob.send(new ChannelAccept(atBob.channelId(), 0x38, 0, 1, new byte[0], null,
                    new EncryptAccept(EncryptPolicy.RC2_40, EncryptItem.rc2_40(), EncryptPolicy.WHATEVER, false)));
            assertEquals(EncryptPolicy.RC2_40, alice.next(ChannelAccept.class, WAIT).encrypt().mode());
            byte[] chunk = {1, 2, 3, 4, 5, 6, 7, 8};
            alice.send(new ChannelSend(1, HeaderOption.ENCRYPT, 1, chunk));
            assertEquals(new ChannelSend(atBob.channelId(), HeaderOption.ENCRYPT, 1, chunk), bob.next(ChannelSend.class, WAIT));
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Login login(TestHub hub, Clients c) {
        return hub.community().login(c.client().loginInfo().loginId()).orElseThrow();
    }

    private static void assertRecord(ImRecord r, Login from, Login to,
            String conversation, String format, String text) {
        assertSame(from, r.from());
        assertSame(to, r.to());
        assertEquals(conversation, r.conversationId());
        assertEquals(format, r.format());
        assertEquals(text, r.text());
    }

    private static CompletableFuture<ImConversation> openImAsync(Clients c, String user) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return c.client().openIm(user);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The next IM data message on a raw connection, decrypted with the leg's inbound stream. */
    private static ImPayload.Data nextData(RawClient c, Rc2Stream in) throws Exception {
        ChannelSend send = c.next(ChannelSend.class, WAIT);
        assertTrue(send.encrypted(), "every IM on an encrypted leg carries the ENCRYPT bit");
        return assertInstanceOf(ImPayload.Data.class, ImPayload.decode(in.decrypt(send.data())));
    }
}
