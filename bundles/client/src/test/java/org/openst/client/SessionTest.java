package org.openst.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.openst.protocol.Admin;
import org.openst.protocol.Announce;
import org.openst.protocol.ChannelAccept;
import org.openst.protocol.ChannelCreate;
import org.openst.protocol.ChannelDestroy;
import org.openst.protocol.ChannelSend;
import org.openst.protocol.EncryptAccept;
import org.openst.protocol.EncryptOffer;
import org.openst.protocol.EncryptPolicy;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.Hex;
import org.openst.protocol.IdBlock;
import org.openst.protocol.MessageCodec;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.PrivacyUser;
import org.openst.protocol.SenseService;
import org.openst.protocol.SetPrivacyList;
import org.openst.protocol.SetUserStatus;
import org.openst.protocol.UserStatus;
import org.openst.protocol.UserStatusCode;

class SessionTest extends ClientTestSupport {

    @Test
    void connectsFromTheConfiguredLocalAddress() throws Exception {
        java.net.InetAddress source = java.net.InetAddress.getByName("127.0.0.2");
        connect(options().localAddress(source).build());
        assertEquals(source, peer.clientAddress());
        assertEquals(source, client.options().localAddress());
    }

    @Test
    void readerThreadComesFromTheConfiguredFactory() throws Exception {
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        loggedIn(options().readerThreads(r -> {
            made.incrementAndGet();
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        }).build());
        assertEquals(1, made.get());
        client.setStatus(UserStatus.active());
        assertEquals(UserStatus.active(), peer.read(SetUserStatus.class).status());
    }

    @Test
    void keepalivesAreToleratedAndSent() throws Exception {
        loggedIn();
        // §2: bytes >= 0x80 between frames (and before one) are skipped.
        byte[] admin = MessageCodec.encodeFrame(new Admin("maintenance at noon"));
        byte[] stream = new byte[admin.length + 3];
        stream[0] = (byte) 0x80;
        stream[1] = (byte) 0xFF;
        System.arraycopy(admin, 0, stream, 2, admin.length);
        stream[stream.length - 1] = (byte) 0x80;
        peer.sendBytes(stream);
        assertEquals("maintenance at noon", events.awaitAdmin(WAIT));
        assertTrue(client.isConnected());

        client.sendKeepalive();
        client.senseService(0x15);
        assertEquals(new SenseService(0x15), peer.read(SenseService.class));
        assertEquals(1, peer.keepalivesSeen());
    }

    @Test
    void logoutDestroysChannelZeroWithReasonZeroAndCloses() throws Exception {
        loggedIn();
        client.logout();
        assertEquals(ChannelDestroy.of(0, 0), peer.read(ChannelDestroy.class));
        peer.expectEof();
        assertEquals(0, events.awaitDisconnected(WAIT));
        assertFalse(client.isConnected());
        assertThrows(IOException.class, () -> client.setStatus(UserStatus.active()));
    }

    @Test
    void serverKickEndsTheSessionAndItsChannels() throws Exception {
        loggedIn();
        peer.send(new ChannelCreate(0, 0x80000001, new IdBlock("alice", ""), 0x1000, 0x1000, 3, 0,
                org.openst.protocol.im.ImCreateData.of(1).toBytes(), BOB, EncryptOffer.none()));
        peer.read(ChannelAccept.class);
        ImConversation im = events.awaitConversation(WAIT);
        peer.send(ChannelDestroy.of(0, ErrorCode.MULTI_SERVER_LOGIN));
        assertEquals(ErrorCode.MULTI_SERVER_LOGIN, client.awaitDisconnected(WAIT));
        assertEquals(ErrorCode.MULTI_SERVER_LOGIN, events.awaitDisconnected(WAIT));
        assertEquals(ErrorCode.MULTI_SERVER_LOGIN, events.awaitConversationClosed(WAIT).reason());
        assertFalse(im.isOpen());
        peer.expectEof();
    }

    @Test
    void socketLossIsReportedWithALocalCode() throws Exception {
        loggedIn();
        peer.close();
        assertEquals(ErrorCode.CONNECTION_CLOSED, events.awaitDisconnected(WAIT));
    }

    @Test
    void masterChannelMessagesBothWays() throws Exception {
        loggedIn();
        UserStatus away = new UserStatus(UserStatusCode.AWAY, 0, "lunch");
        PrivacyInfo deny = new PrivacyInfo(true, List.of(PrivacyUser.of("mallory")));
        client.setStatus(away);
        client.setPrivacy(deny);
        client.announce(List.of("@U bob"), "fire drill");
        assertEquals(new SetUserStatus(away), peer.read(SetUserStatus.class));
        assertEquals(new SetPrivacyList(deny), peer.read(SetPrivacyList.class));
        assertEquals(new Announce(false, null, 0, false, "fire drill", List.of("@U bob")), peer.read(Announce.class));

        peer.send(new SetUserStatus(UserStatus.active()));
        peer.send(new SetPrivacyList(PrivacyInfo.allowAll()));
        peer.send(new SenseService(0x18));
        peer.send(new Announce(true, BOB, 0, true, "hello all", List.of("@U alice")));
        assertEquals(UserStatus.active(), events.awaitStatusSet(WAIT));
        assertEquals(PrivacyInfo.allowAll(), events.awaitPrivacySet(WAIT));
        assertEquals(0x18, events.awaitSenseService(WAIT));
        assertEquals(new EventCollector.Announcement(BOB, "hello all"), events.awaitAnnouncement(WAIT));
        assertEquals(UserStatus.active(), client.status(), "the server set our own status");
    }

    @Test
    void serviceChannelMatchesMeanwhilesResolveCreateAndCarriesMessages() throws Exception {
        loggedIn();
        Future<ServiceChannelHandle> open = async(() -> client.openServiceChannel(0x15, 0x15, 0, null));
        // §5.5 example: Meanwhile's resolve channel create, byte for byte (frame length 0x35).
        assertEquals("0002000000000000" + "00000000" + "00000001" + "00000000"
                + "00000015" + "00000015" + "00000000" + "00000000" + "00000000" + "00"
                + "0000" + "00000000000000000007", Hex.of(peer.readFrame()));
        peer.send(new ChannelAccept(1, 0x15, 0x15, 0, new byte[] {9}, null, EncryptAccept.none()));
        ServiceChannelHandle ch = result(open);
        assertArrayEquals(new byte[] {9}, ch.acceptData());
        assertNull(ch.peer());

        ch.send(0x8000, new byte[] {1, 2});
        assertEquals(ChannelSend.plain(1, 0x8000, new byte[] {1, 2}), peer.read(ChannelSend.class));
        peer.send(ChannelSend.plain(1, 0x8001, new byte[] {3}));
        assertEquals(new ChannelMessage(0x8001, new byte[] {3}), ch.receive(WAIT));
        assertNull(ch.poll(java.time.Duration.ofMillis(20)));

        peer.send(ChannelDestroy.of(1, ErrorCode.ERR_NOT_AUTHORIZED));
        assertEquals(ErrorCode.ERR_NOT_AUTHORIZED, ch.awaitClosed(WAIT));
        ChannelClosedException e = assertThrows(ChannelClosedException.class, () -> ch.receive(WAIT));
        assertEquals(ErrorCode.ERR_NOT_AUTHORIZED, e.reason());
    }

    @Test
    void serverCreatedServiceChannelWaitsForTheApplication() throws Exception {
        loggedIn();
        byte[] invitation = {0, 0, 0, 0, 0, 4, 'c', 'o', 'n', 'f'};
        peer.send(new ChannelCreate(0, 0x80000002, new IdBlock("alice", ""), 0x80000010, 0x10, 2, 0,
                invitation, BOB, EncryptOffer.none()));
        IncomingChannel inv = events.awaitServerChannel(WAIT);
        assertEquals(0x80000002, inv.channelId());
        assertEquals(0x80000010, inv.service());
        assertArrayEquals(invitation, inv.createData());
        assertEquals(BOB, inv.creator());

        ServiceChannelHandle ch = inv.accept(null);
        ChannelAccept a = peer.read(ChannelAccept.class);
        assertEquals(0x80000002, a.channel());
        assertEquals(0x80000010, a.service());
        assertNull(a.acceptor());
        assertEquals(EncryptPolicy.NONE, a.encrypt().mode());
        assertThrows(IllegalStateException.class, () -> inv.refuse(0, null));

        ch.send(0x0001, null); // e.g. a conference JOIN
        assertEquals(ChannelSend.plain(0x80000002, 1, null), peer.read(ChannelSend.class));
        ch.close(0, "Leaving".getBytes());
        assertEquals(new ChannelDestroy(0x80000002, 0, "Leaving".getBytes()), peer.read(ChannelDestroy.class));
    }

    @Test
    void blockingCallsAreRefusedOnTheReaderThread() throws Exception {
        java.util.concurrent.CompletableFuture<Throwable> seen = new java.util.concurrent.CompletableFuture<>();
        EventCollector probe = new EventCollector() {
            @Override
            public void adminMessage(String text) {
                try {
                    client.openIm("bob");
                    seen.complete(null);
                } catch (Throwable t) {
                    seen.complete(t);
                }
            }
        };
        events = probe;
        loggedIn();
        peer.send(new Admin("x"));
        assertTrue(seen.get(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                instanceof IllegalStateException);
    }
}
