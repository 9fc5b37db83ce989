package org.openst.hub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.openst.client.ChannelRefusedException;
import org.openst.hub.api.CommunityListener;
import org.openst.hub.api.Login;
import org.openst.hub.api.PrivacySource;
import org.openst.protocol.LoginAck;
import org.openst.protocol.Message;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.PrivacyUser;
import org.openst.protocol.SenseService;
import org.openst.protocol.ServiceType;
import org.openst.protocol.SetPrivacyList;

import ch.qos.logback.classic.Level;

/**
 * The list a login starts with comes from the {@link PrivacySource} (hub-api 1.2, spec §3.12,
 * §8.2 #7): in LOGIN_ACK, in a SET_PRIVACY_LIST right behind it, and in force at loggedIn.
 */
class PrivacySourceTest {
    private static final PrivacyInfo BLOCK_CAROL = new PrivacyInfo(true, List.of(PrivacyUser.of("carol")));

    /** A source in memory that records who asked, and on which thread. */
    private static class MapSource implements PrivacySource {
        final Map<String, PrivacyInfo> lists = new ConcurrentHashMap<>();
        final List<String> asked = new CopyOnWriteArrayList<>();

        @Override
        public Optional<PrivacyInfo> storedPrivacy(String userId) {
            asked.add(userId + " on " + Thread.currentThread().getName());
            return Optional.ofNullable(lists.get(userId));
        }
    }

    /** Records the list each login holds when the hub reports it logged in. */
    private static final class LoggedInPrivacy implements CommunityListener {
        final Map<String, PrivacyInfo> atLogin = new ConcurrentHashMap<>();

        @Override
        public void loggedIn(Login login) {
            atLogin.put(login.userId(), login.privacy());
        }
    }

    /** A round trip through the master channel: the hub echoes SENSE_SERVICE for IM (spec §3.13). */
    private static Message nextAfterLogin(RawClient c) throws IOException {
        c.send(new SenseService(ServiceType.IM));
        return c.next(RawLogin.WAIT);
    }

    @Test
    void storedListIsInLoginAckAndFollowsItBeforeAnythingElse() throws IOException {
        MapSource source = new MapSource();
        source.lists.put("bob", BLOCK_CAROL);
        LoggedInPrivacy listener = new LoggedInPrivacy();
        try (TestHub hub = new TestHub(); RawClient bob = new RawClient(hub.port())) {
            hub.setPrivacySource(source);
            hub.addListener(listener);

            LoginAck ack = assertInstanceOf(LoginAck.class, RawLogin.login(bob, "bob", "bob-pw"));
            assertEquals(BLOCK_CAROL, ack.privacy());
            assertEquals(new SetPrivacyList(BLOCK_CAROL), nextAfterLogin(bob), "SET_PRIVACY_LIST right after LOGIN_ACK");
            assertEquals(new SenseService(ServiceType.IM), bob.next(RawLogin.WAIT));

            assertEquals(BLOCK_CAROL, listener.atLogin.get("bob"), "in force when listeners hear of the login");
            assertEquals(BLOCK_CAROL, hub.community().loginsOf("bob").get(0).privacy());
            assertEquals(1, source.asked.size());
            assertTrue(source.asked.get(0).startsWith("bob on openst-privacy-source-"), source.asked.toString());
        }
    }

    @Test
    void storedListRefusesTheBlockedUsersChannelsFromTheStart() throws IOException {
        MapSource source = new MapSource();
        source.lists.put("bob", BLOCK_CAROL);
        try (TestHub hub = new TestHub()) {
            hub.setPrivacySource(source);
            try (Clients bob = Clients.login(hub, "bob", "bob-pw"); Clients carol = Clients.login(hub, "carol", "carol-pw")) {
                assertEquals(BLOCK_CAROL, bob.client().loginAck().privacy());
                assertEquals(BLOCK_CAROL, bob.events().awaitPrivacySet(Clients.WAIT));
                assertThrows(ChannelRefusedException.class, () -> carol.client().openIm("bob"));
            }
        }
    }

    @Test
    void noStoredListMeansAllowAllAndNoSetPrivacyList() throws IOException {
        MapSource source = new MapSource();
        try (TestHub hub = new TestHub(); RawClient alice = new RawClient(hub.port())) {
            hub.setPrivacySource(source);
            LoginAck ack = assertInstanceOf(LoginAck.class, RawLogin.login(alice, "alice", "alice-pw"));
            assertEquals(PrivacyInfo.allowAll(), ack.privacy());
            assertEquals(new SenseService(ServiceType.IM), nextAfterLogin(alice), "nothing between LOGIN_ACK and the echo");
            assertEquals(1, source.asked.size());
        }
    }

    @Test
    void storedAllowAllSendsNoSetPrivacyList() throws IOException {
        MapSource source = new MapSource();
        source.lists.put("alice", PrivacyInfo.allowAll());
        try (TestHub hub = new TestHub(); RawClient alice = new RawClient(hub.port())) {
            hub.setPrivacySource(source);
            assertInstanceOf(LoginAck.class, RawLogin.login(alice, "alice", "alice-pw"));
            assertEquals(new SenseService(ServiceType.IM), nextAfterLogin(alice));
        }
    }

    @Test
    void guestsAreNotAsked() throws IOException {
        MapSource source = new MapSource();
        try (TestHub hub = new TestHub()) {
            hub.setPrivacySource(source);
            hub.authority().guests(Set.of(ServiceType.IM));
            try (Clients guest = Clients.login(hub, "", "Visitor")) {
                assertEquals(PrivacyInfo.allowAll(), guest.client().loginAck().privacy());
                assertTrue(source.asked.isEmpty(), source.asked.toString());
            }
        }
    }

    @Test
    void aListKnownAtOnceIsTakenWithoutAskingTheSourceToLook() throws IOException {
        MapSource source = new MapSource() {
            @Override
            public PrivacyInfo knownPrivacy(String userId) {
                return userId.equals("bob") ? BLOCK_CAROL : null;
            }
        };
        source.lists.put("alice", BLOCK_CAROL);
        try (TestHub hub = new TestHub(); RawClient bob = new RawClient(hub.port());
                RawClient alice = new RawClient(hub.port())) {
            hub.setPrivacySource(source);
            assertEquals(BLOCK_CAROL, assertInstanceOf(LoginAck.class, RawLogin.login(bob, "bob", "bob-pw")).privacy());
            assertEquals(new SetPrivacyList(BLOCK_CAROL), nextAfterLogin(bob));
            assertEquals(List.of(), source.asked, "bob's list was known at once");

            assertEquals(BLOCK_CAROL, assertInstanceOf(LoginAck.class, RawLogin.login(alice, "alice", "alice-pw")).privacy());
            assertEquals(1, source.asked.size(), "null from knownPrivacy: the source looks");
        }
    }

    @Test
    void aFailingKnownPrivacyFallsBackToTheLookUp() throws IOException {
        MapSource source = new MapSource() {
            @Override
            public PrivacyInfo knownPrivacy(String userId) {
                throw new IllegalStateException("cache is broken");
            }
        };
        source.lists.put("bob", BLOCK_CAROL);
        try (LogCapture log = new LogCapture(Hub.class); TestHub hub = new TestHub();
                RawClient bob = new RawClient(hub.port())) {
            hub.setPrivacySource(source);
            assertEquals(BLOCK_CAROL, assertInstanceOf(LoginAck.class, RawLogin.login(bob, "bob", "bob-pw")).privacy());
            assertEquals(1, source.asked.size());
            assertTrue(log.has(Level.WARN, "bob", "cache is broken"), log.messages(Level.WARN).toString());
        }
    }

    @Test
    void failingSourceLetsTheLoginInWithAllowAllAndAWarning() throws IOException {
        try (LogCapture log = new LogCapture(Hub.class); TestHub hub = new TestHub();
                RawClient alice = new RawClient(hub.port())) {
            hub.setPrivacySource(userId -> {
                throw new IllegalStateException("store is down");
            });
            LoginAck ack = assertInstanceOf(LoginAck.class, RawLogin.login(alice, "alice", "alice-pw"));
            assertEquals(PrivacyInfo.allowAll(), ack.privacy());
            assertEquals(new SenseService(ServiceType.IM), nextAfterLogin(alice));
            assertTrue(log.has(Level.WARN, "alice", "store is down", "allow all"), log.messages(Level.WARN).toString());
        }
    }

    @Test
    void sourceReturningNullCountsAsFailed() throws IOException {
        try (LogCapture log = new LogCapture(Hub.class); TestHub hub = new TestHub()) {
            hub.setPrivacySource(userId -> null);
            try (Clients alice = Clients.login(hub, "alice", "alice-pw")) {
                assertEquals(PrivacyInfo.allowAll(), alice.client().loginAck().privacy());
                assertTrue(log.has(Level.WARN, "alice", "returned null"), log.messages(Level.WARN).toString());
            }
        }
    }

    @Test
    void slowSourceIsAbandonedAfterTheBound() throws IOException, InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        try (LogCapture log = new LogCapture(Hub.class); TestHub hub = new TestHub();
                RawClient alice = new RawClient(hub.port())) {
            hub.hub.privacySourceTimeout(Duration.ofMillis(200));
            hub.setPrivacySource(userId -> {
                try {
                    never.await(RawLogin.WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    interrupted.countDown(); // the hub gave up and cancelled the call
                }
                return Optional.of(BLOCK_CAROL);
            });
            LoginAck ack = assertInstanceOf(LoginAck.class, RawLogin.login(alice, "alice", "alice-pw"));
            assertEquals(PrivacyInfo.allowAll(), ack.privacy());
            assertEquals(new SenseService(ServiceType.IM), nextAfterLogin(alice));
            assertTrue(log.has(Level.WARN, "alice", "no answer within 200 ms"), log.messages(Level.WARN).toString());
            assertTrue(interrupted.await(RawLogin.WAIT.toMillis(), TimeUnit.MILLISECONDS), "the abandoned call was interrupted");
        } finally {
            never.countDown();
        }
    }

    @Test
    void removedSourceIsNoLongerAsked() throws IOException {
        MapSource source = new MapSource();
        source.lists.put("bob", BLOCK_CAROL);
        try (TestHub hub = new TestHub()) {
            hub.setPrivacySource(source);
            hub.removePrivacySource(source);
            try (Clients bob = Clients.login(hub, "bob", "bob-pw")) {
                assertEquals(PrivacyInfo.allowAll(), bob.client().loginAck().privacy());
                assertTrue(source.asked.isEmpty());
            }
        }
    }
}
