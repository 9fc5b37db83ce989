package org.openst.places.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openst.client.ChannelRefusedException;
import org.openst.hub.core.Awaits;
import org.openst.hub.core.Clients;
import org.openst.places.service.PlaceWire.Message;
import org.openst.protocol.ErrorCode;
import org.openst.support.testing.Gate;
import org.openst.support.testing.LogCapture;

import ch.qos.logback.classic.Level;

/** Place definitions (name, title) persist in ConfigRecords; membership does not. */
class PlaceDefinitionTest {
    PlacesFixture fx;

    @BeforeEach
    void start() throws IOException {
        fx = new PlacesFixture();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void firstEntryStoresTheDefinition() throws IOException {
        PlaceSession.enter(fx.login("alice"), "lunch", "Lunch talk");
        assertEquals(Map.of("lunch", "Lunch talk"), fx.records.list(PlaceDefinitions.NAMESPACE));
    }

    @Test
    void aStoredPlaceKeepsItsStoredTitle() throws IOException {
        fx.records.preset("lunch", "The lunch place");
        PlaceSession alice = PlaceSession.enter(fx.login("alice"), "lunch", "Alice's Conference");
        assertEquals("The lunch place", alice.title);
        assertEquals("The lunch place", fx.records.stored("lunch"));
    }

    @Test
    void theDefinitionSurvivesARestartAndMembershipDoesNot() throws IOException {
        PlaceSession alice = PlaceSession.enter(fx.login("alice"), "lunch", "Lunch talk");
        fx.restart(); // a new component instance on the same store; the hub destroyed alice's channel
        alice.awaitClosed();

        PlaceSession bob = PlaceSession.open(fx.login("bob"), "lunch", "Bob's Conference");
        assertEquals(1, bob.join().members().size(), "only bob: membership is runtime state");
        assertEquals("Lunch talk", bob.title);
    }

    @Test
    void aStoreFailureRefusesTheEntryAndTheNextEntryTriesAgain() throws IOException {
        fx.records.failuresLeft = 1;
        Clients alice = fx.login("alice");
        try (LogCapture log = new LogCapture(Room.class)) {
            ChannelRefusedException refused = assertThrows(ChannelRefusedException.class,
                    () -> PlaceSession.open(alice, "lunch", "Lunch talk"));
            assertEquals(ErrorCode.ERR_FAILURE, refused.reason());
            assertTrue(log.has(Level.WARN, "alice", "lunch", "ERR_FAILURE"), log.messages(Level.WARN).toString());
        }
        PlaceSession again = PlaceSession.enter(alice, "lunch", "Lunch talk");
        assertEquals("Lunch talk", again.title);
    }

    /** Storage blocks: it runs off the network threads, and a slow definition holds only its own place. */
    @Test
    void aSlowDefinitionHoldsOnlyItsOwnPlaceAndItsEntryFollowsInOrder() throws Exception {
        Gate gate = new Gate();
        fx.records.gatedKey = "slow";
        fx.records.gate = gate;
        Clients alice = fx.login("alice");
        CompletableFuture<PlaceSession> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return PlaceSession.enter(alice, "slow", "Slow place");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Awaits.until(() -> gate.entered() == 1, "the definition of 'slow' to be loading");

        PlaceSession bob = PlaceSession.enter(fx.login("bob"), "fast", "Fast place");
        bob.say("not waiting");
        assertEquals("not waiting", bob.next(Message.class).text());
        assertFalse(slow.isDone(), "alice's channel is accepted only once the definition is known");

        gate.open();
        PlaceSession aliceInSlow = slow.get(Clients.WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals("Slow place", aliceInSlow.title);
        aliceInSlow.say("finally");
        assertEquals("finally", aliceInSlow.next(Message.class).text());
    }
}
