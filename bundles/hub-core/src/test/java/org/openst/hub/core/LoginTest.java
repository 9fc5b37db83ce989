package org.openst.hub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.openst.client.LoginRefusedException;
import org.openst.client.SametimeClient;
import org.openst.hub.api.CommunityListener;
import org.openst.hub.api.Login;
import org.openst.hub.api.LoginIds;
import org.openst.protocol.AuthType;
import org.openst.protocol.ChannelDestroy;
import org.openst.protocol.ClientType;
import org.openst.protocol.HandshakeAck;
import org.openst.protocol.LoginAck;
import org.openst.protocol.MessageCodec;
import org.openst.protocol.SenseService;
import org.openst.protocol.ServiceType;
import org.openst.protocol.SetUserStatus;
import org.openst.protocol.crypto.LoginCredentials;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.LoginInfo;
import org.openst.protocol.UserStatus;
import org.openst.protocol.UserStatusCode;

/** Issue 3: the login state machine, login IDs, multiple logins, and community events. */
class LoginTest {

    @Test
    void rc2_128LoginAsMeanwhileDoesIt() throws IOException {
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            LoginInfo info = alice.client().loginInfo();
            assertEquals(AuthType.RC2_128, alice.client().authTypeUsed());
            assertEquals("alice", info.userId());
            assertEquals("Alice Example", info.userName());
            assertEquals("openst.local", info.community());
            assertEquals("hub1", LoginIds.hubOf(info.loginId()), "login IDs carry the hub's identity");
            assertEquals(0x7F000001, info.ipAddress());
            assertEquals(UserStatusCode.ACTIVE, alice.client().loginAck().status().status());
        }
    }

    @Test
    void rc2_40LoginWhenTheHubOffersNoKey() throws IOException {
        try (TestHub hub = new TestHub(HubSettings.defaults(0).withLoginCiphers(HubSettings.LoginCiphers.RC2_40));
                Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            assertEquals(AuthType.RC2_40, alice.client().authTypeUsed());
        }
    }

    @Test
    void wrongPasswordIsIncorrectLogin() throws IOException {
        try (TestHub hub = new TestHub(); SametimeClient c = SametimeClient.connect("127.0.0.1", hub.port())) {
            LoginRefusedException e = assertThrows(LoginRefusedException.class, () -> c.login("alice", "wrong"));
            assertEquals(ErrorCode.INCORRECT_LOGIN, e.reason());
        }
    }

    @Test
    void noAuthorityMeansVerificationDown() throws IOException {
        try (TestHub hub = new TestHub(); SametimeClient c = SametimeClient.connect("127.0.0.1", hub.port())) {
            hub.removeAuthority(hub.authority());
            LoginRefusedException e = assertThrows(LoginRefusedException.class, () -> c.login("alice", "alice-pw"));
            assertEquals(ErrorCode.VERIFICATION_DOWN, e.reason());
        }
    }

    @Test
    void severalLoginsOfOneUserEachGetTheirOwnLoginId() throws IOException {
        try (TestHub hub = new TestHub(); Clients first = Clients.login(hub, "alice", "alice-pw");
                Clients second = Clients.login(hub, "ALICE", "alice-pw")) {
            String a = first.client().loginInfo().loginId();
            String b = second.client().loginInfo().loginId();
            assertNotEquals(a, b);
            assertNotEquals(a.substring(0, 5), b.substring(0, 5), "RC2/40 keys (first 5 bytes) differ");
            assertEquals("alice", second.client().loginInfo().userId(), "canonical user ID from the directory");
            List<Login> logins = hub.hub.loginsOf("alice");
            assertEquals(2, logins.size());
            assertTrue(hub.hub.login(a).isPresent());
        }
    }

    @Test
    void redirectThenForcedLogin() throws IOException {
        try (TestHub hub = new TestHub(HubSettings.defaults(0).withRedirectHost("other.example"));
                Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            assertEquals("other.example", alice.client().loginRedirect().host());
            assertEquals("alice", alice.client().loginInfo().userId());
            assertEquals(1, hub.hub.loginsOf("alice").size());
        }
    }

    @Test
    void listenersHearLoginStatusAndLogout() throws IOException {
        List<String> heard = new CopyOnWriteArrayList<>();
        try (TestHub hub = new TestHub()) {
            hub.hub.listenerAdded(new CommunityListener() {
                @Override
                public void loggedIn(Login login) {
                    heard.add("in " + login.userId());
                }

                @Override
                public void statusChanged(Login login, UserStatus previous) {
                    heard.add("status " + login.userId() + " " + login.status().desc());
                }

                @Override
                public void loggedOut(Login login, int reason) {
                    heard.add("out " + login.userId() + " " + reason);
                }
            });
            Clients alice = Clients.login(hub, "alice", "alice-pw");
            alice.client().setStatus(new UserStatus(UserStatusCode.AWAY, 0, "lunch"));
            alice.client().logout();
            Awaits.until(() -> heard.size() == 3, "three events");
            assertEquals(List.of("in alice", "status alice lunch", "out alice 0"), heard);
            assertTrue(hub.hub.loginsOf("alice").isEmpty());
        }
    }

    @Test
    void logoutAndCloseRightAfterTheLoginAckAreHandledInOrder() throws IOException, InterruptedException {
        List<String> heard = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        try (TestHub hub = new TestHub(); RawClient raw = new RawClient(hub.port())) {
            hub.addListener(new CommunityListener() {
                @Override
                public void loggedIn(Login login) {
                    heard.add("in");
                    try {
                        // Holds the thread that completes the login before it hands on what
                        // arrived meanwhile: the client's next messages and its close wait.
                        release.await(Clients.WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }

                @Override
                public void statusChanged(Login login, UserStatus previous) {
                    heard.add("status " + login.status().desc());
                }

                @Override
                public void loggedOut(Login login, int reason) {
                    heard.add("out " + reason);
                }
            });
            assertInstanceOf(LoginAck.class, RawLogin.login(raw, "alice", "alice-pw"));
            raw.send(new SetUserStatus(new UserStatus(UserStatusCode.AWAY, 0, "lunch")));
            raw.send(ChannelDestroy.of(0, 0));
            raw.halfClose();
            raw.awaitClosed(Clients.WAIT); // the hub saw the end of the input and closed
            release.countDown();

            Awaits.until(() -> heard.size() == 3, "three events");
            assertEquals(List.of("in", "status lunch", "out 0"), heard, "status and logout came before the close");
        } finally {
            release.countDown();
        }
    }

    @Test
    void messagesPipelinedBehindLoginWaitForTheLoginAndKeepTheirOrder() throws IOException {
        try (TestHub hub = new TestHub(); RawClient raw = new RawClient(hub.port())) {
            HandshakeAck ack = RawLogin.handshake(raw);
            byte[] auth = LoginCredentials.rc2_128AuthData("alice-pw", ack.dhPublic(), ack.magic(), new SecureRandom());
            // One write: LOGIN and two questions behind it, before any LOGIN_ACK.
            ByteArrayOutputStream burst = new ByteArrayOutputStream();
            burst.writeBytes(MessageCodec.encodeFrame(new org.openst.protocol.Login(ClientType.MEANWHILE, "alice", auth,
                    AuthType.RC2_128, 0)));
            burst.writeBytes(MessageCodec.encodeFrame(new SenseService(ServiceType.IM)));
            burst.writeBytes(MessageCodec.encodeFrame(new SenseService(ServiceType.FILE_TRANSFER)));
            raw.sendBytes(burst.toByteArray());
            assertInstanceOf(LoginAck.class, raw.next(Clients.WAIT));
            assertEquals(new SenseService(ServiceType.IM), raw.next(Clients.WAIT));
            assertEquals(new SenseService(ServiceType.FILE_TRANSFER), raw.next(Clients.WAIT));
        }
    }

    @Test
    void aSilentConnectionIsClosedAfterTheIdleTimeOut() throws IOException {
        HubSettings oneSecondIdle = HubSettings.defaults(0).withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofSeconds(1));
        try (TestHub hub = new TestHub(oneSecondIdle); Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            // Spec §7.3: a keepalive time-out just closes the socket, without a channel-0 destroy.
            assertEquals(ErrorCode.CONNECTION_CLOSED, alice.events().awaitDisconnected(Duration.ofSeconds(10)));
            Awaits.until(() -> hub.hub.loginsOf("alice").isEmpty(), "the login ended");
        }
    }

    @Test
    void kickEndsOneLoginWithItsReason() throws IOException {
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw");
                Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            assertTrue(hub.hub.kick(alice.client().loginInfo().loginId(), ErrorCode.MULTI_SERVER_LOGIN));
            assertEquals(ErrorCode.MULTI_SERVER_LOGIN, alice.events().awaitDisconnected(Clients.WAIT));
            Awaits.until(() -> hub.hub.loginsOf("alice").isEmpty(), "alice gone");
            assertEquals(1, hub.hub.loginsOf("bob").size());
        }
    }
}
