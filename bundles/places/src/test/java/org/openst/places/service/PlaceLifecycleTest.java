package org.openst.places.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openst.hub.core.Awaits;
import org.openst.places.service.PlaceWire.PeerJoin;
import org.openst.places.service.PlaceWire.PeerPart;

/** A place opens on its first entry and closes when its last member leaves; its definition stays. */
class PlaceLifecycleTest {
    PlacesFixture fx;
    final RecordingActivity activity = new RecordingActivity("recorder");

    @BeforeEach
    void start() throws IOException {
        fx = new PlacesFixture();
        fx.places.addActivity(activity);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void theLastMemberLeavingClosesThePlaceAndTheNextEntryOpensItAgain() throws IOException {
        PlaceSession alice = PlaceSession.enter(fx.login("alice"), "lunch", "Lunch talk");
        alice.channel.close();
        activity.awaitEvent("closed lunch []");
        Awaits.until(() -> fx.places.livePlaces().isEmpty(), "the place to be gone");
        assertEquals("Lunch talk", fx.records.stored("lunch"), "the definition stays stored");

        PlaceSession bob = PlaceSession.open(fx.login("bob"), "lunch", "Bob's Conference");
        assertEquals(1, bob.join().members().size());
        assertEquals("Lunch talk", bob.title);
        assertEquals(List.of("opened lunch 'Lunch talk' []", "entered lunch alice [alice]", "left lunch alice []",
                "closed lunch []", "opened lunch 'Lunch talk' []", "entered lunch bob [bob]"), activity.awaitEvents(6));
    }

    @Test
    void aLogoutLeavesThePlace() throws IOException {
        PlaceSession alice = PlaceSession.enter(fx.login("alice"), "lunch", "Lunch talk");
        PlaceSession bob = PlaceSession.enter(fx.login("bob"), "lunch", "Lunch talk");
        alice.next(PeerJoin.class);
        bob.who.client().logout();
        assertEquals(bob.memberId, alice.next(PeerPart.class).memberId());
        activity.awaitEvent("left lunch bob [alice]");
        alice.who.client().close(); // a dropped connection, no logout
        activity.awaitEvent("closed lunch []");
    }

    @Test
    void aChannelThatLeavesBeforeJoiningClosesAnEmptyPlace() throws IOException {
        PlaceSession alice = PlaceSession.open(fx.login("alice"), "lunch", "Lunch talk");
        alice.channel.close();
        activity.awaitEvent("closed lunch []");
        assertEquals(List.of("opened lunch 'Lunch talk' []", "closed lunch []"), activity.events());
    }

    @Test
    void stoppingTheBundleClosesEveryPlaceForItsActivities() throws IOException {
        PlaceSession.enter(fx.login("alice"), "lunch", "Lunch talk");
        PlaceSession.enter(fx.login("bob"), "sales", "Sales");
        activity.awaitEvent("entered sales bob [bob]");
        fx.stop();
        activity.awaitEvent("closed lunch []");
        activity.awaitEvent("closed sales []");
        assertEquals(Map.of("lunch", "Lunch talk", "sales", "Sales"), fx.records.list(PlaceDefinitions.NAMESPACE));
        fx.start(TestConfigs.defaults()); // for close()
    }
}
