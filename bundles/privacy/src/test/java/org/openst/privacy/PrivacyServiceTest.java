package org.openst.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openst.client.ChannelRefusedException;
import org.openst.hub.api.CommunityListener;
import org.openst.hub.api.Login;
import org.openst.hub.api.PrivacySource;
import org.openst.hub.core.Awaits;
import org.openst.hub.core.Clients;
import org.openst.hub.core.TestHub;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.PrivacyUser;
import org.openst.protocol.ServiceType;
import org.openst.support.testing.Gate;
import org.openst.support.testing.LogCapture;

import ch.qos.logback.classic.Level;

/**
 * The Privacy server application end to end: a real hub, real clients on the wire, the component
 * built with {@code new} and an in-memory store.
 */
class PrivacyServiceTest {
    private static final PrivacyInfo BLOCK_BOB = new PrivacyInfo(true, List.of(PrivacyUser.of("bob")));
    private static final PrivacyInfo BLOCK_CAROL = new PrivacyInfo(true, List.of(PrivacyUser.of("carol")));
    private static final PrivacyInfo ONLY_BOB_AND_CAROL = new PrivacyInfo(false,
            List.of(PrivacyUser.of("bob"), PrivacyUser.of("carol")));

    private final InMemoryPrivacyStore store = new InMemoryPrivacyStore();
    private TestHub hub;
    private PrivacyService service;

    /** Starts on {@link #store} and waits until the users with a stored list are loaded. */
    private void start(PrivacyService.Config config) throws IOException {
        startLoading(config);
        Awaits.until(service::usersWithListsLoaded, "the users with a stored list loaded");
    }

    /** Starts on {@link #store}; the users with a stored list load meanwhile. */
    private void startLoading(PrivacyService.Config config) throws IOException {
        hub = new TestHub();
        service = new PrivacyService(store, hub.community(), config);
        hub.addListener(service);
        hub.setPrivacySource(service);
    }

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.removeListener(service);
            hub.removePrivacySource(service);
            service.deactivate();
            hub.close();
        }
    }

    private static void assertSameList(PrivacyInfo expected, PrivacyInfo actual) {
        assertTrue(actual != null && PrivacyLists.same(expected, actual), "expected " + expected + " but got " + actual);
    }

    private Login login(Clients c) {
        return hub.community().login(c.client().loginInfo().loginId()).orElseThrow();
    }

    /** Logs in on another thread (the test goes on while the hub waits for the stored list). */
    private CompletableFuture<Clients> loginLater(String user, String password) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Clients.login(hub, user, password);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void storedListIsInForceFromTheFirstMoment() throws IOException {
        store.preset("bob", BLOCK_CAROL);
        start(TestConfigs.defaults());
        Map<String, PrivacyInfo> atLogin = new ConcurrentHashMap<>();
        hub.addListener(new CommunityListener() {
            @Override
            public void loggedIn(Login login) {
                atLogin.put(login.userId(), login.privacy()); // what awareness sees when it publishes the login
            }
        });
        try (Clients carol = Clients.login(hub, "carol", "carol-pw"); Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            assertSameList(BLOCK_CAROL, bob.client().loginAck().privacy());
            assertSameList(BLOCK_CAROL, bob.events().awaitPrivacySet(Clients.WAIT));
            // loggedIn is fired just after LOGIN_ACK was queued, so the client may be quicker.
            Awaits.until(() -> atLogin.containsKey("bob") && atLogin.containsKey("carol"), "the loggedIn events");
            assertSameList(BLOCK_CAROL, atLogin.get("bob"));
            ChannelRefusedException refused = assertThrows(ChannelRefusedException.class, () -> carol.client().openIm("bob"));
            assertEquals(ErrorCode.ERR_NOT_AUTHORIZED, refused.reason());
            assertSameList(PrivacyInfo.allowAll(), atLogin.get("carol"));
            assertTrue(store.history().isEmpty(), "a login stores nothing");
        }
    }

    @Test
    void loginSeesTheListStoredJustBeforeIt() throws Exception {
        start(TestConfigs.defaults());
        Gate saves = new Gate();
        store.saveGate = saves;
        try (Clients alice1 = Clients.login(hub, "alice", "alice-pw")) {
            alice1.client().setPrivacy(BLOCK_BOB);
            Awaits.until(() -> saves.entered() == 1, "alice's change being stored");
            CompletableFuture<Clients> alice2 = loginLater("alice", "alice-pw");
            Awaits.until(() -> service.queuedTasks("alice") == 2, "login 2's load queued behind the store");
            saves.open();
            try (Clients second = alice2.get(Clients.WAIT.toSeconds(), TimeUnit.SECONDS)) {
                assertSameList(BLOCK_BOB, second.client().loginAck().privacy());
                assertSameList(BLOCK_BOB, second.events().awaitPrivacySet(Clients.WAIT));
            }
        }
    }

    @Test
    void slowLoadLetsTheLoginInAndTheListFollows() throws IOException {
        store.preset("alice", BLOCK_BOB);
        start(TestConfigs.loginTimeout(100));
        Gate loads = new Gate();
        store.loadGate = loads;
        try (LogCapture log = new LogCapture(PrivacyService.class); Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            assertSameList(PrivacyInfo.allowAll(), alice.client().loginAck().privacy());
            assertTrue(log.has(Level.WARN, "alice", "not loaded within 100 ms"), log.messages(Level.WARN).toString());
            store.loadGate = null;
            loads.open();

            assertSameList(BLOCK_BOB, alice.events().awaitPrivacySet(Clients.WAIT));
            Awaits.until(() -> PrivacyLists.same(BLOCK_BOB, login(alice).privacy()), "the hub enforces the stored list");
            assertTrue(store.history().isEmpty(), "the late push is not stored again");
        }
    }

    @Test
    void changeFromOneLoginReachesTheOtherAndIsStored() throws IOException {
        start(TestConfigs.defaults());
        try (Clients alice1 = Clients.login(hub, "alice", "alice-pw");
                Clients alice2 = Clients.login(hub, "alice", "alice-pw")) {
            alice1.client().setPrivacy(BLOCK_BOB);
            assertSameList(BLOCK_BOB, alice2.events().awaitPrivacySet(Clients.WAIT));
            Awaits.until(() -> BLOCK_BOB.equals(store.get("alice")), "alice's list stored");

            // And back the other way. Login 1's first SET_PRIVACY_LIST is this one: it got no echo
            // of its own change, and nothing at login since nothing was stored then.
            alice2.client().setPrivacy(BLOCK_CAROL);
            assertSameList(BLOCK_CAROL, alice1.events().awaitPrivacySet(Clients.WAIT));
            Awaits.until(() -> BLOCK_CAROL.equals(store.get("alice")), "alice's second list stored");
        }
    }

    @Test
    void listsOfOneUserAreStoredInTheOrderTheyWereSet() throws IOException {
        start(TestConfigs.defaults());
        Gate saves = new Gate();
        store.saveGate = saves;
        PrivacyInfo third = new PrivacyInfo(false, List.of());
        try (Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            alice.client().setPrivacy(BLOCK_BOB);
            alice.client().setPrivacy(BLOCK_CAROL);
            alice.client().setPrivacy(third);
            Awaits.until(() -> saves.entered() == 1 && third.equals(login(alice).privacy()), "three changes queued");
            saves.open();
            Awaits.until(() -> store.history().size() == 3, "three lists stored");
            assertEquals(List.of(BLOCK_BOB, BLOCK_CAROL, third),
                    store.history().stream().map(InMemoryPrivacyStore.Saved::list).toList());
            assertEquals(third, store.get("alice"));
        }
    }

    @Test
    void listOverTheLimitIsNotStoredAndTheStoredListComesBack() throws IOException {
        store.preset("alice", BLOCK_BOB);
        start(TestConfigs.privacy(2, 256));
        try (LogCapture log = new LogCapture(PrivacyService.class);
                Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            assertSameList(BLOCK_BOB, alice.events().awaitPrivacySet(Clients.WAIT));

            PrivacyInfo three = new PrivacyInfo(true,
                    List.of(PrivacyUser.of("bob"), PrivacyUser.of("carol"), PrivacyUser.of("dave")));
            alice.client().setPrivacy(three);
            assertSameList(BLOCK_BOB, alice.events().awaitPrivacySet(Clients.WAIT));
            assertSameList(BLOCK_BOB, login(alice).privacy());
            assertEquals(BLOCK_BOB, store.get("alice"));
            assertTrue(store.history().isEmpty(), "nothing stored");
            assertTrue(log.has(Level.WARN, "alice", "3 entries"), log.messages(Level.WARN).toString());
        }
    }

    @Test
    void overlongUserIdIsRefusedAndThePreviousListComesBackWhenNoneIsStored() throws IOException {
        start(TestConfigs.defaults());
        try (LogCapture log = new LogCapture(PrivacyService.class);
                Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            PrivacyInfo overlong = new PrivacyInfo(true, List.of(PrivacyUser.of("x".repeat(257))));
            alice.client().setPrivacy(overlong);
            assertSameList(PrivacyInfo.allowAll(), alice.events().awaitPrivacySet(Clients.WAIT));
            assertEquals(null, store.get("alice"));
            assertTrue(log.has(Level.WARN, "alice", "257 characters"), log.messages(Level.WARN).toString());
        }
    }

    @Test
    void storeFailureIsLoggedAndTheListStillSynchronises() throws IOException {
        store.failing = true;
        try (LogCapture log = new LogCapture(PrivacyService.class)) {
            startLoading(TestConfigs.defaults());
            Awaits.until(() -> log.has(Level.WARN, "cannot list the users with a stored list"), "WARN about the failed listing");
            assertFalse(service.usersWithListsLoaded(), "every login asks the store");
            assertNull(service.knownPrivacy("alice"));
            try (Clients alice1 = Clients.login(hub, "alice", "alice-pw");
                    Clients alice2 = Clients.login(hub, "alice", "alice-pw")) {
                alice1.client().setPrivacy(BLOCK_BOB);
                assertSameList(BLOCK_BOB, alice2.events().awaitPrivacySet(Clients.WAIT));
                Awaits.until(() -> log.has(Level.WARN, "cannot store the list of alice"), "WARN about the failed store");
                assertTrue(log.has(Level.WARN, "cannot load the list of alice"), "the failed loads at login were logged");
                assertTrue(alice1.client().isConnected() && alice2.client().isConnected());

                store.failing = false; // the back end recovers: the next change is stored
                alice2.client().setPrivacy(BLOCK_CAROL);
                assertSameList(BLOCK_CAROL, alice1.events().awaitPrivacySet(Clients.WAIT));
                Awaits.until(() -> BLOCK_CAROL.equals(store.get("alice")), "stored after recovery");
            }
        }
    }

    @Test
    void sameListAgainAndEchoesAreNotStoredOrPushedAgain() throws IOException {
        start(TestConfigs.defaults());
        try (Clients alice1 = Clients.login(hub, "alice", "alice-pw");
                Clients alice2 = Clients.login(hub, "alice", "alice-pw")) {
            alice1.client().setPrivacy(BLOCK_BOB);
            assertSameList(BLOCK_BOB, alice2.events().awaitPrivacySet(Clients.WAIT)); // its echo is ignored
            alice1.client().setPrivacy(new PrivacyInfo(true, List.of(PrivacyUser.of("bob")))); // the same again
            alice1.client().setPrivacy(BLOCK_CAROL);
            assertSameList(BLOCK_CAROL, alice2.events().awaitPrivacySet(Clients.WAIT)); // no second BLOCK_BOB
            Awaits.until(() -> BLOCK_CAROL.equals(store.get("alice")), "the last change stored");
            assertEquals(List.of(BLOCK_BOB, BLOCK_CAROL), store.history().stream().map(InMemoryPrivacyStore.Saved::list).toList());
        }
    }

    @Test
    void listPushedByAnotherPartyIsStoredAndSynchronised() throws IOException {
        start(TestConfigs.defaults());
        try (Clients alice1 = Clients.login(hub, "alice", "alice-pw");
                Clients alice2 = Clients.login(hub, "alice", "alice-pw")) {
            // An administrator's push is a change of that login's list like the user's own (hub-api 1.2).
            hub.community().pushPrivacy(alice1.client().loginInfo().loginId(), BLOCK_BOB);
            assertSameList(BLOCK_BOB, alice1.events().awaitPrivacySet(Clients.WAIT));
            assertSameList(BLOCK_BOB, alice2.events().awaitPrivacySet(Clients.WAIT));
            Awaits.until(() -> BLOCK_BOB.equals(store.get("alice")), "stored");
        }
    }

    @Test
    void changeSynchronisedBeforeALoadedLoginRegisteredReachesItAtLogin() throws Exception {
        store.preset("alice", BLOCK_BOB);
        start(TestConfigs.defaults());
        // Holds login 2 between its load and its registration, so that alice's change is stored and
        // synchronised to her live logins before login 2 is one of them: the push misses it.
        CountDownLatch loaded = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        PrivacySource holding = userId -> {
            Optional<PrivacyInfo> list = service.storedPrivacy(userId);
            if (loaded.getCount() > 0) {
                loaded.countDown();
                try {
                    proceed.await(1500, TimeUnit.MILLISECONDS); // below the hub's bound of 2 s
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return list;
        };
        try (Clients alice1 = Clients.login(hub, "alice", "alice-pw")) {
            assertSameList(BLOCK_BOB, alice1.events().awaitPrivacySet(Clients.WAIT));
            hub.setPrivacySource(holding);
            CompletableFuture<Clients> alice2 = loginLater("alice", "alice-pw");
            assertTrue(loaded.await(Clients.WAIT.toMillis(), TimeUnit.MILLISECONDS), "login 2 loaded its list");
            alice1.client().setPrivacy(BLOCK_CAROL);
            Awaits.until(() -> BLOCK_CAROL.equals(store.get("alice")) && service.queuedTasks("alice") == 0,
                    "the change stored and synchronised");
            proceed.countDown();
            try (Clients second = alice2.get(Clients.WAIT.toSeconds(), TimeUnit.SECONDS)) {
                assertSameList(BLOCK_BOB, second.client().loginAck().privacy());
                assertSameList(BLOCK_BOB, second.events().awaitPrivacySet(Clients.WAIT));
                assertSameList(BLOCK_CAROL, second.events().awaitPrivacySet(Clients.WAIT));
                Awaits.until(() -> PrivacyLists.same(BLOCK_CAROL, login(second).privacy()), "login 2 caught up");
            }
        } finally {
            proceed.countDown();
        }
    }

    @Test
    void listSynchronisedToTheSecondLoginBlocksIms() throws IOException {
        start(TestConfigs.defaults());
        try (Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            Clients alice1 = Clients.login(hub, "alice", "alice-pw");
            try (Clients alice2 = Clients.login(hub, "alice", "alice-pw")) {
                alice1.client().setPrivacy(BLOCK_BOB);
                assertSameList(BLOCK_BOB, alice2.events().awaitPrivacySet(Clients.WAIT));
                alice1.client().logout();
                Awaits.until(() -> hub.community().loginsOf("alice").size() == 1, "only login 2 left");

                ChannelRefusedException refused = assertThrows(ChannelRefusedException.class,
                        () -> bob.client().openIm("alice"));
                assertEquals(ErrorCode.ERR_NOT_AUTHORIZED, refused.reason());
            } finally {
                alice1.close();
            }
        }
    }

    @Test
    void guestsAreLeftAlone() throws IOException {
        start(TestConfigs.defaults());
        hub.authority().guests(Set.of(ServiceType.IM));
        try (Clients guest = Clients.login(hub, "", "")) {
            Login login = login(guest);
            int before = store.calls(); // none expected: the hub does not ask for a guest's list
            service.loggedIn(login);
            service.privacyChanged(login, PrivacyInfo.allowAll());
            service.loggedOut(login, 0);
            service.deactivate(); // waits for every queued task, so a guest task would have run by now
            assertEquals(0, before);
            assertEquals(0, store.calls(), "no store call for a guest");
        }
    }

    @Test
    void stoppingFinishesQueuedStores() throws Exception {
        start(TestConfigs.defaults());
        Gate saves = new Gate();
        store.saveGate = saves;
        try (Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            alice.client().setPrivacy(BLOCK_BOB);
            alice.client().setPrivacy(BLOCK_CAROL);
            Awaits.until(() -> saves.entered() == 1 && BLOCK_CAROL.equals(login(alice).privacy()), "two stores queued");

            hub.removeListener(service);
            Thread stopper = new Thread(service::deactivate, "stopper");
            stopper.start();
            saves.open();
            stopper.join(Clients.WAIT.toMillis());
            assertEquals(BLOCK_CAROL, store.get("alice"), "the queued store finished before the stop");
            assertEquals(2, store.history().size());
        }
    }

    // ---------------------------------------------------------------- the users with a stored list

    @Test
    void loginOfAUserWithoutAStoredListIsAnsweredWithoutTheStore() throws IOException {
        store.preset("bob", BLOCK_CAROL);
        start(TestConfigs.defaults());
        try (Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            assertSameList(PrivacyInfo.allowAll(), alice.client().loginAck().privacy());
            assertEquals(Optional.empty(), service.storedPrivacy("Bob")); // IDs are compared exactly, as the store does
            assertEquals(PrivacyInfo.allowAll(), service.knownPrivacy("alice"), "the hub need not hand the login off");
            assertNull(service.knownPrivacy("bob"), "bob's list must be loaded");
            assertEquals(0, store.loads(), "no load");
            assertEquals(0, service.queuedTasks("alice"), "no lane task");
            assertEquals(1, store.listings());
        }
    }

    @Test
    void loginOfAUserWithAStoredListStillLoadsIt() throws IOException {
        store.preset("bob", BLOCK_CAROL);
        start(TestConfigs.defaults());
        try (Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            assertSameList(BLOCK_CAROL, bob.client().loginAck().privacy());
            assertSameList(BLOCK_CAROL, bob.events().awaitPrivacySet(Clients.WAIT));
            assertEquals(1, store.loads());
        }
    }

    @Test
    void userWhoStoresAListGetsItAtTheNextLogin() throws IOException {
        start(TestConfigs.defaults());
        try (Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            assertEquals(0, store.loads());
            alice.client().setPrivacy(BLOCK_BOB);
            Awaits.until(() -> BLOCK_BOB.equals(store.get("alice")), "alice's list stored");
        }
        Awaits.until(() -> hub.community().loginsOf("alice").isEmpty(), "alice logged out");
        int loads = store.loads();
        try (Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            assertSameList(BLOCK_BOB, alice.client().loginAck().privacy());
            assertEquals(loads + 1, store.loads(), "loaded at login");
        }
    }

    @Test
    void anotherStoreIsListedAgain() throws IOException {
        store.preset("alice", BLOCK_BOB);
        start(TestConfigs.defaults());
        try (Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            assertSameList(BLOCK_BOB, alice.client().loginAck().privacy());
        }
        // The store reference is static: DS re-creates the component on the new store.
        hub.removeListener(service);
        hub.removePrivacySource(service);
        service.deactivate();
        InMemoryPrivacyStore other = new InMemoryPrivacyStore();
        other.preset("bob", BLOCK_CAROL);
        service = new PrivacyService(other, hub.community(), TestConfigs.defaults());
        hub.addListener(service);
        hub.setPrivacySource(service);
        Awaits.until(service::usersWithListsLoaded, "the new store's users listed");

        int loadsOfTheOldStore = store.loads();
        try (Clients bob = Clients.login(hub, "bob", "bob-pw"); Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            assertSameList(BLOCK_CAROL, bob.client().loginAck().privacy());
            assertSameList(PrivacyInfo.allowAll(), alice.client().loginAck().privacy());
            assertEquals(1, other.loads(), "bob's list loaded; alice has none in the new store");
            assertEquals(1, other.listings());
            assertEquals(loadsOfTheOldStore, store.loads(), "the old store is not asked");
        }
    }

    @Test
    void untilTheUsersAreListedEveryLoginAsksTheStore() throws IOException {
        store.preset("bob", BLOCK_CAROL);
        Gate listing = new Gate();
        store.listingGate = listing;
        startLoading(TestConfigs.defaults());
        try {
            Awaits.until(() -> listing.entered() == 1, "the listing under way");
            try (Clients alice1 = Clients.login(hub, "alice", "alice-pw"); Clients bob = Clients.login(hub, "bob", "bob-pw")) {
                assertSameList(PrivacyInfo.allowAll(), alice1.client().loginAck().privacy());
                assertSameList(BLOCK_CAROL, bob.client().loginAck().privacy());
                assertEquals(2, store.loads(), "both loaded");

                // Stored after the listing's snapshot was taken: the listing misses it, the component does not.
                alice1.client().setPrivacy(BLOCK_BOB);
                Awaits.until(() -> BLOCK_BOB.equals(store.get("alice")) && service.queuedTasks("alice") == 0,
                        "alice's list stored");
                listing.open();
                Awaits.until(service::usersWithListsLoaded, "the users listed");

                int loads = store.loads();
                try (Clients carol = Clients.login(hub, "carol", "carol-pw");
                        Clients alice2 = Clients.login(hub, "alice", "alice-pw")) {
                    assertSameList(PrivacyInfo.allowAll(), carol.client().loginAck().privacy());
                    assertSameList(BLOCK_BOB, alice2.client().loginAck().privacy());
                    assertEquals(loads + 1, store.loads(), "only alice's list loaded");
                }
            }
        } finally {
            listing.open();
        }
    }
}
