package org.openst.hub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openst.hub.api.CommunityListener;
import org.openst.hub.api.Login;
import org.openst.hub.api.ServiceChannel;
import org.openst.hub.api.ServiceProvider;
import org.openst.protocol.ChannelAccept;
import org.openst.protocol.ChannelCreate;
import org.openst.protocol.ChannelDestroy;
import org.openst.protocol.ChannelSend;
import org.openst.protocol.EncryptOffer;
import org.openst.protocol.IdBlock;
import org.openst.protocol.LoginAck;

/**
 * Pidgin's logout as the hub sees it (spec §8.2 #39–42, interop driver {@code mwdriver
 * save-at-close}): the client sends its last messages and closes at once; with data from the hub
 * still unread on its side, its kernel resets the connection. Everything that arrived before the
 * reset must be handled, whether the hub next reads (MINA used to drop bytes already read when a
 * later read of the same round failed) or next writes (MINA used to close the session on the
 * failed write before reading the rest).
 *
 * <p>Deterministic: the service holds the connection's network thread while the client sends its
 * last frames and resets, so the frames and the reset are both waiting when the hub goes on.
 */
class ConnectionResetTest {
    private static final int SERVICE = 0x7E58;
    private static final int HOLD = 1;
    private static final int LAST = 2;

    /** Holds the network thread on HOLD until released; records every message type. */
    private static final class HoldingService implements ServiceProvider {
        final CountDownLatch holding = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<Integer> received = new CopyOnWriteArrayList<>();
        volatile ServiceChannel channel;

        @Override
        public int serviceType() {
            return SERVICE;
        }

        @Override
        public void channelCreated(ServiceChannel c) {
            channel = c;
            c.accept(null);
        }

        @Override
        public void received(ServiceChannel c, int msgType, byte[] data) {
            received.add(msgType);
            if (msgType == HOLD) {
                holding.countDown();
                try {
                    release.await(RawLogin.WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void channelClosed(ServiceChannel c, int reason, byte[] data) {
        }
    }

    private final HoldingService service = new HoldingService();
    private final List<Integer> logouts = new CopyOnWriteArrayList<>();
    private TestHub hub;
    private RawClient alice;

    @BeforeEach
    void loginAndHoldTheNetworkThread() throws IOException, InterruptedException {
        hub = new TestHub();
        hub.addService(service);
        hub.addListener(new CommunityListener() {
            @Override
            public void loggedOut(Login login, int reason) {
                logouts.add(reason);
            }
        });
        alice = new RawClient(hub.port());
        assertInstanceOf(LoginAck.class, RawLogin.login(alice, "alice", "alice-pw"));
        // Until the login has handed on what arrived behind LOGIN, messages are handled on the
        // authentication thread: HOLD must hold the network thread.
        ClientSession session = (ClientSession) hub.community().loginsOf("alice").get(0);
        Awaits.until(() -> !session.isReplaying(), "login complete");
        alice.send(new ChannelCreate(0, 1, IdBlock.empty(), SERVICE, SERVICE, 0, 0, new byte[0], null, EncryptOffer.none()));
        alice.next(ChannelAccept.class, RawLogin.WAIT);
        alice.send(new ChannelSend(1, 0, HOLD, new byte[0]));
        assertTrue(service.holding.await(RawLogin.WAIT.toMillis(), TimeUnit.MILLISECONDS), "network thread held");
    }

    @AfterEach
    void stop() throws IOException {
        service.release.countDown();
        alice.close();
        hub.close();
    }

    /** The last message and the logout, then a reset, as Pidgin's kernel sends them. */
    private void lastWordsThenReset() throws IOException {
        alice.send(new ChannelSend(1, 0, LAST, new byte[] {42}));
        alice.send(ChannelDestroy.of(0, 0)); // logout, reason 0 (spec §3.10)
        alice.reset();
    }

    @Test
    void framesBeforeAResetAreHandledWhenTheHubReadsNext() throws IOException {
        lastWordsThenReset();
        service.release.countDown();

        Awaits.until(() -> !logouts.isEmpty(), "alice's login ended");
        assertEquals(List.of(HOLD, LAST), service.received, "the message sent before the reset arrived");
        assertEquals(List.of(0), logouts, "the logout sent before the reset was handled (reason 0)");
    }

    @Test
    void framesBeforeAResetAreHandledWhenTheHubWritesNext() throws IOException {
        lastWordsThenReset();
        // Queued now, written by the held thread as soon as it is free: before it reads again.
        service.channel.send(7, new byte[64 * 1024]);
        service.release.countDown();

        Awaits.until(() -> !logouts.isEmpty(), "alice's login ended");
        assertEquals(List.of(HOLD, LAST), service.received, "the message sent before the reset arrived");
        assertEquals(List.of(0), logouts, "the logout sent before the reset was handled (reason 0)");
    }
}
