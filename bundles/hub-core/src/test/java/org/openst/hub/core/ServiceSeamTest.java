package org.openst.hub.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.openst.client.ChannelMessage;
import org.openst.client.ChannelRefusedException;
import org.openst.client.IncomingChannel;
import org.openst.client.ServiceChannelHandle;
import org.openst.hub.api.ChannelRequest;
import org.openst.hub.api.ServiceChannel;
import org.openst.hub.api.ServiceProvider;
import org.openst.protocol.ErrorCode;

/**
 * Issue 3, "The service seam": server applications register for a service type, get channels,
 * lose them with a clear reason when they go away, and get new ones when they come back.
 */
class ServiceSeamTest {
    private static final int ECHO = 0x7E57;

    /** Accepts every channel and sends each message back with msg_type + 1. */
    static class EchoService implements ServiceProvider {
        final List<String> closed = new CopyOnWriteArrayList<>();
        final List<byte[]> accepted = new CopyOnWriteArrayList<>();

        @Override
        public int serviceType() {
            return ECHO;
        }

        @Override
        public void channelCreated(ServiceChannel channel) {
            channel.accept("welcome".getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void channelAccepted(ServiceChannel channel, byte[] acceptData) {
            accepted.add(acceptData);
        }

        @Override
        public void received(ServiceChannel channel, int msgType, byte[] data) {
            channel.send(msgType + 1, data);
        }

        @Override
        public void channelClosed(ServiceChannel channel, int reason, byte[] data) {
            closed.add(channel.login().userId() + " 0x" + Integer.toHexString(reason));
        }
    }

    @Test
    void aProviderServesItsChannelsAndLosesThemWhenItGoes() throws IOException {
        EchoService echo = new EchoService();
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            hub.hub.serviceAdded(echo, 0, 1);
            ServiceChannelHandle ch = alice.client().openServiceChannel(ECHO, ECHO, 1, new byte[0]);
            assertArrayEquals("welcome".getBytes(StandardCharsets.UTF_8), ch.acceptData());
            ch.send(10, new byte[] {1, 2, 3});
            ChannelMessage back = ch.receive(Clients.WAIT);
            assertEquals(11, back.msgType());
            assertArrayEquals(new byte[] {1, 2, 3}, back.data());

            // The bundle goes away: its channel is destroyed with a clear reason, the login stays.
            hub.hub.serviceRemoved(echo);
            assertEquals(ErrorCode.ERR_SERVICE_NO_SUPPORT, ch.awaitClosed(Clients.WAIT));
            ChannelRefusedException refused = assertThrows(ChannelRefusedException.class,
                    () -> alice.client().openServiceChannel(ECHO, ECHO, 1, new byte[0]));
            assertEquals(ErrorCode.ERR_SERVICE_NO_SUPPORT, refused.reason());

            // It comes back: clients are told (SENSE_SERVICE) and new channels reach the new one.
            EchoService again = new EchoService();
            hub.hub.serviceAdded(again, 0, 2);
            assertEquals(ECHO, alice.events().awaitSenseService(Clients.WAIT));
            ServiceChannelHandle ch2 = alice.client().openServiceChannel(ECHO, ECHO, 1, new byte[0]);
            ch2.send(20, new byte[0]);
            assertEquals(21, ch2.receive(Clients.WAIT).msgType());
            assertTrue(echo.closed.isEmpty(), "a removed provider is not called back");
        }
    }

    @Test
    void theHighestRankedProviderGetsNewChannels() throws IOException {
        EchoService low = new EchoService();
        ServiceProvider high = new EchoService() {
            @Override
            public void received(ServiceChannel channel, int msgType, byte[] data) {
                channel.send(msgType + 100, data);
            }
        };
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            hub.hub.serviceAdded(low, 0, 1);
            hub.hub.serviceAdded(high, 10, 2);
            ServiceChannelHandle ch = alice.client().openServiceChannel(ECHO, ECHO, 1, new byte[0]);
            ch.send(1, new byte[0]);
            assertEquals(101, ch.receive(Clients.WAIT).msgType());
        }
    }

    @Test
    void providersHearClientClosesAndLoginEnds() throws IOException {
        EchoService echo = new EchoService();
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw");
                Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            hub.hub.serviceAdded(echo, 0, 1);
            alice.client().openServiceChannel(ECHO, ECHO, 1, new byte[0]).close();
            bob.client().openServiceChannel(ECHO, ECHO, 1, new byte[0]);
            bob.client().close();
            Awaits.until(() -> echo.closed.size() == 2, "two closes");
            // Two connections: the order between them is not defined.
            assertEquals(Set.of("alice 0x0", "bob 0x" + Integer.toHexString(ErrorCode.ERR_CLIENT_USER_GONE)),
                    Set.copyOf(echo.closed));
        }
    }

    @Test
    void aFailingProviderLosesTheChannelNotTheLogin() throws IOException {
        ServiceProvider broken = new EchoService() {
            @Override
            public void received(ServiceChannel channel, int msgType, byte[] data) {
                throw new IllegalStateException("bug in a service bundle");
            }
        };
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            hub.hub.serviceAdded(broken, 0, 1);
            ServiceChannelHandle ch = alice.client().openServiceChannel(ECHO, ECHO, 1, new byte[0]);
            ch.send(1, new byte[0]);
            assertEquals(ErrorCode.ERR_FAILURE, ch.awaitClosed(Clients.WAIT));
            assertTrue(alice.client().isConnected());
        }
    }

    @Test
    void aServerApplicationOpensAChannelToAClient() throws IOException {
        EchoService echo = new EchoService();
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw");
                Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            var bobLogin = hub.hub.loginsOf("bob").get(0);
            ServiceChannel toBob = hub.hub.openChannel(bobLogin,
                    new ChannelRequest(ECHO, ECHO, 1, new byte[] {9}, hub.hub.loginsOf("alice").get(0).loginInfo()), echo);
            IncomingChannel incoming = bob.events().awaitServerChannel(Clients.WAIT);
            assertEquals("alice", incoming.creator().userId());
            assertArrayEquals(new byte[] {9}, incoming.createData());
            ServiceChannelHandle handle = incoming.accept(new byte[] {7});
            Awaits.until(() -> echo.accepted.size() == 1, "accept reaches the provider");
            assertArrayEquals(new byte[] {7}, echo.accepted.get(0));
            toBob.send(5, new byte[] {1});
            assertEquals(5, handle.receive(Clients.WAIT).msgType());
        }
    }
}
