package org.openst.hub.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.openst.client.ChannelCipher;
import org.openst.client.ChannelRefusedException;
import org.openst.client.ClientOptions;
import org.openst.client.EventCollector;
import org.openst.client.ImConversation;
import org.openst.client.IncomingChannel;
import org.openst.client.ServiceChannelHandle;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.IdBlock;
import org.openst.protocol.ServiceType;
import org.openst.protocol.WireWriter;
import org.openst.protocol.im.ImCreateData;
import org.openst.protocol.im.ImPayload;

/** Issue 3: IM is relayed between users exactly as spec §5.8 "Relay"; encryption stays end to end. */
class ImRelayTest {
    private static final java.time.Duration WAIT = Clients.WAIT;

    @Test
    void rc2_128EncryptedImBothWays() throws IOException {
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw");
                Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            ImConversation toBob = alice.client().openIm("bob");
            assertEquals(ChannelCipher.RC2_128, toBob.cipher(), "the offer and accept travel unchanged");
            assertEquals("bob", toBob.peerUserId());
            assertEquals(bob.client().loginInfo().loginId(), toBob.peerLogin().loginId(), "acceptor block is Bob's login");

            ImConversation fromAlice = bob.events().awaitConversation(WAIT);
            assertEquals("alice", fromAlice.peerUserId());
            assertEquals("", fromAlice.peerLogin().community(), "own community left empty (spec §5.9)");

            toBob.sendTyping(true);
            assertEquals(new ImPayload.Typing(true), bob.events().awaitIm(WAIT).payload());
            toBob.sendText("hello bob");
            assertEquals("hello bob", bob.events().awaitIm(WAIT).text());
            fromAlice.sendText("hi alice");
            assertEquals("hi alice", alice.events().awaitIm(WAIT).text());
            toBob.sendHtml("<b>second</b> line with ünïcödé");
            assertEquals("<b>second</b> line with ünïcödé", bob.events().awaitIm(WAIT).text());
        }
    }

    /**
     * Issue 7: the frames of one read are relayed with one write per destination after the read
     * (WriteBatch); a burst arrives complete, in order and decryptable (the RC2 chain follows the
     * wire order), both ways.
     */
    @Test
    void aBurstReadInOneGoIsRelayedCompleteAndInOrderBothWays() throws IOException {
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw");
                Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            ImConversation toBob = alice.client().openIm("bob");
            ImConversation fromAlice = bob.events().awaitConversation(WAIT);
            java.util.List<String> burst = java.util.stream.IntStream.range(0, 300).mapToObj(i -> "message " + i).toList();
            toBob.sendTexts(burst);
            fromAlice.sendTexts(burst);
            for (String text : burst) {
                assertEquals(text, bob.events().awaitIm(WAIT).text());
                assertEquals(text, alice.events().awaitIm(WAIT).text());
            }
        }
    }

    @Test
    void bothEndsLearnEachOthersLoginIdWhichRc2_40KeysOn() throws IOException {
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw");
                Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            // Spec §5.7: an RC2/40 client decrypts with the first 5 bytes of the peer's login ID, so
            // the relayed create must carry Alice's login and the relayed accept Bob's.
            ImConversation toBob = alice.client().openIm("bob");
            ImConversation fromAlice = bob.events().awaitConversation(WAIT);
            assertEquals(bob.client().loginInfo().loginId(), toBob.peerLogin().loginId());
            assertEquals(alice.client().loginInfo().loginId(), fromAlice.peerLogin().loginId());
            assertEquals(toBob.cipher(), fromAlice.cipher());
        }
    }

    @Test
    void plainImWithoutCiphers() throws IOException {
        ClientOptions.Builder plain = ClientOptions.builder().offerImCiphers(false).imFeatures(ImCreateData.FEATURES_PLAIN);
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw", plain);
                Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            ImConversation toBob = alice.client().openIm("bob");
            assertEquals(ChannelCipher.NONE, toBob.cipher());
            toBob.sendText("plain");
            assertEquals("plain", bob.events().awaitIm(WAIT).text());
        }
    }

    @Test
    void imToAnOfflineUserIsRefusedWithNoUser() throws IOException {
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            ChannelRefusedException e = assertThrows(ChannelRefusedException.class, () -> alice.client().openIm("bob"));
            assertEquals(ErrorCode.ERR_NO_USER, e.reason());
            assertTrue(alice.client().isConnected(), "only the channel is refused");
        }
    }

    @Test
    void theRecipientsRefusalIsForwardedUnchanged() throws IOException {
        ClientOptions.Builder dnd = ClientOptions.builder().refuseIncomingIm(ErrorCode.ERR_CLIENT_USER_DND);
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw");
                Clients bob = Clients.login(hub, "bob", "bob-pw", dnd)) {
            ChannelRefusedException e = assertThrows(ChannelRefusedException.class, () -> alice.client().openIm("bob"));
            assertEquals(ErrorCode.ERR_CLIENT_USER_DND, e.reason());
        }
    }

    @Test
    void logoutWithAnOpenConversationTellsThePeer() throws IOException {
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw");
                Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            ImConversation toBob = alice.client().openIm("bob");
            bob.events().awaitConversation(WAIT);
            bob.client().logout();
            EventCollector.Closed closed = alice.events().awaitConversationClosed(WAIT);
            assertEquals(toBob.channelId(), closed.conversation().channelId());
            assertEquals(ErrorCode.ERR_CLIENT_USER_GONE, closed.reason());
        }
    }

    @Test
    void lostSocketTellsThePeerAndClosingTheWindowIsForwarded() throws IOException {
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw");
                Clients bob = Clients.login(hub, "bob", "bob-pw"); Clients carol = Clients.login(hub, "carol", "carol-pw")) {
            ImConversation aliceToBob = alice.client().openIm("bob");
            bob.events().awaitConversation(WAIT);
            aliceToBob.close();
            assertEquals(0, bob.events().awaitConversationClosed(WAIT).reason(), "a normal close keeps reason 0");

            carol.client().openIm("bob");
            bob.events().awaitConversation(WAIT);
            bob.client().close(); // socket gone without a goodbye
            assertEquals(ErrorCode.ERR_CLIENT_USER_GONE, carol.events().awaitConversationClosed(WAIT).reason());
        }
    }

    @Test
    void aChannelMayAddressOneLoginById() throws IOException {
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw");
                Clients bob1 = Clients.login(hub, "bob", "bob-pw"); Clients bob2 = Clients.login(hub, "bob", "bob-pw")) {
            ImConversation c = alice.client().openIm(bob1.client().loginInfo().loginId());
            bob1.events().awaitConversation(WAIT);
            c.sendText("to the first login only");
            assertEquals("to the first login only", bob1.events().awaitIm(WAIT).text());
            assertTrue(bob2.events().isEmpty());
        }
    }

    @Test
    void fileTransferChannelsAreRelayedLikeIm() throws IOException {
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw");
                Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            // Spec §6.8: the sender's offer (file name, size) goes to the recipient, chunks and
            // acknowledgements follow the channel; the hub only forwards.
            byte[] offer = new WireWriter().u32(0).str("notes.txt").str("for you").u32(5).u32(0).u16(0).toByteArray();
            CompletableFuture<ServiceChannelHandle> sender = CompletableFuture.supplyAsync(() -> {
                try {
                    return alice.client().openServiceChannel(new IdBlock("bob", ""), ServiceType.FILE_TRANSFER, 0, 1,
                            offer, WAIT);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            IncomingChannel incoming = bob.events().awaitServerChannel(WAIT);
            assertEquals("alice", incoming.creator().userId());
            assertArrayEquals(offer, incoming.createData());
            ServiceChannelHandle receiver = incoming.accept(new byte[0]);
            ServiceChannelHandle send = sender.join();
            send.send(1, "hello".getBytes(StandardCharsets.UTF_8));
            assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), receiver.receive(WAIT).data());
            receiver.send(2, new byte[0]);
            assertEquals(2, send.receive(WAIT).msgType());
            send.close();
            assertEquals(0, receiver.awaitClosed(WAIT));
        }
    }
}
