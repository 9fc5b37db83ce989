package org.openst.hub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.openst.client.ClientOptions;
import org.openst.client.ImConversation;
import org.openst.client.LoginRefusedException;
import org.openst.client.SametimeClient;
import org.openst.client.ServiceChannelHandle;
import org.openst.hub.api.CommunityListener;
import org.openst.hub.api.Login;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.ServiceType;

/** hub-api 1.2: message counts per service type, refused logins and routed channels as events. */
class CommunityStatisticsTest {
    private static final Duration WAIT = Clients.WAIT;
    private static final int ECHO = 0x7E57;

    /** Queues the 1.2 events as strings. */
    static final class Events implements CommunityListener {
        final BlockingQueue<String> seen = new LinkedBlockingQueue<>();

        @Override
        public void loginRefused(String loginName, InetSocketAddress from, int reason) {
            seen.add("refused " + loginName + " from " + from.getAddress().getHostAddress() + " " + ErrorCode.name(reason));
        }

        @Override
        public void channelOpened(Login login, int serviceType) {
            seen.add("opened " + login.userId() + " 0x" + Integer.toHexString(serviceType));
        }

        String next() throws InterruptedException {
            String s = seen.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (s == null) {
                throw new AssertionError("no event within " + WAIT);
            }
            return s;
        }
    }

    @Test
    void everyChannelSendIsCountedPerServiceType() throws Exception {
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw");
                Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            hub.addService(new ServiceSeamTest.EchoService());
            assertEquals(Map.of(), hub.community().messageCounts());

            ImConversation toBob = alice.client().openIm("bob");
            ImConversation fromAlice = bob.events().awaitConversation(WAIT);
            toBob.sendText("1");
            toBob.sendTyping(true);
            fromAlice.sendText("2");
            bob.events().awaitIm(WAIT);
            bob.events().awaitIm(WAIT);
            alice.events().awaitIm(WAIT);

            ServiceChannelHandle echo = alice.client().openServiceChannel(ECHO, ECHO, 0, new byte[0]);
            echo.send(1, new byte[] {42});
            echo.receive(WAIT);

            assertEquals(Map.of(ServiceType.IM, 3L, ECHO, 1L), hub.community().messageCounts());
            assertThrows(UnsupportedOperationException.class, () -> hub.community().messageCounts().put(1, 1L));
        }
    }

    @Test
    void terminatedImIsCountedToo() throws Exception {
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw");
                Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            hub.addImObserver(new RecordingObserver());
            alice.client().openIm("bob").sendText("counted");
            bob.events().awaitIm(WAIT);
            assertEquals(Map.of(ServiceType.IM, 1L), hub.community().messageCounts());
        }
    }

    @Test
    void listenersHearRefusedLoginsAndRoutedChannels() throws Exception {
        Events events = new Events();
        try (TestHub hub = new TestHub()) {
            hub.addListener(events);
            hub.addService(new ServiceSeamTest.EchoService());
            try (SametimeClient wrong = SametimeClient.connect("127.0.0.1", hub.port(), ClientOptions.defaults())) {
                assertThrows(LoginRefusedException.class, () -> wrong.login("alice", "not-her-password"));
            }
            assertEquals("refused alice from 127.0.0.1 " + ErrorCode.name(ErrorCode.INCORRECT_LOGIN), events.next());

            try (Clients alice = Clients.login(hub, "alice", "alice-pw"); Clients bob = Clients.login(hub, "bob", "bob-pw")) {
                alice.client().openIm("bob");
                assertEquals("opened alice 0x1000", events.next());
                alice.client().openServiceChannel(ECHO, ECHO, 0, new byte[0]);
                assertEquals("opened alice 0x7e57", events.next());
                // A channel the hub refuses is not opened.
                assertThrows(IOException.class, () -> alice.client().openIm("nobody"));
                alice.client().openIm("bob");
                assertEquals("opened alice 0x1000", events.next());
                assertTrue(events.seen.isEmpty());
            }
        }
    }

    @Test
    void aRefusalWithoutAuthorityIsReportedWithItsReason() throws Exception {
        Events events = new Events();
        try (TestHub hub = new TestHub()) {
            hub.addListener(events);
            hub.removeAuthority(hub.authority());
            try (SametimeClient c = SametimeClient.connect("127.0.0.1", hub.port(), ClientOptions.defaults())) {
                assertThrows(LoginRefusedException.class, () -> c.login("bob", "bob-pw"));
            }
            assertEquals("refused bob from 127.0.0.1 " + ErrorCode.name(ErrorCode.VERIFICATION_DOWN), events.next());
        }
    }
}
