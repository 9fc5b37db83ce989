package org.openst.places.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openst.hub.core.Awaits;
import org.openst.places.api.Place;
import org.openst.places.service.PlaceWire.Message;
import org.openst.places.service.PlaceWire.PeerJoin;
import org.openst.places.service.PlaceWire.PeerPart;

/** The interface to external activities: every activity enters every place and sees its events in the place's order. */
class ActivityTest {
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
    void anActivityGetsEveryEventOfAPlaceInOrder() throws IOException {
        RecordingActivity log = new RecordingActivity("recorder");
        fx.places.addActivity(log);

        PlaceSession alice = PlaceSession.enter(fx.login("alice"), "lunch", "Lunch talk");
        PlaceSession bob = PlaceSession.enter(fx.login("bob"), "lunch", "Lunch talk");
        alice.next(PeerJoin.class);
        alice.say("hi");
        bob.next(Message.class);
        bob.say("yo");
        alice.next(Message.class);
        alice.next(Message.class);
        bob.channel.close();
        alice.next(PeerPart.class);
        alice.channel.close();

        assertEquals(List.of(
                "opened lunch 'Lunch talk' []",
                "entered lunch alice [alice]",
                "entered lunch bob [alice, bob]",
                "message lunch alice: hi",
                "message lunch bob: yo",
                "left lunch bob [alice]",
                "left lunch alice []",
                "closed lunch []"), log.awaitEvents(8));
    }

    @Test
    void allActivitiesSeeOnePlaceOrderAndItIsTheOrderMembersSaw() throws Exception {
        RecordingActivity first = new RecordingActivity("first");
        RecordingActivity second = new RecordingActivity("second");
        fx.places.addActivity(first);
        fx.places.addActivity(second);
        PlaceSession alice = PlaceSession.enter(fx.login("alice"), "lunch", "Lunch talk");
        PlaceSession bob = PlaceSession.enter(fx.login("bob"), "lunch", "Lunch talk");
        alice.next(PeerJoin.class);

        int each = 20;
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> sayMany(alice, each));
        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> sayMany(bob, each));
        a.get();
        b.get();
        List<String> aliceSaw = new ArrayList<>();
        for (int i = 0; i < 2 * each; i++) {
            Message m = alice.next(Message.class);
            aliceSaw.add("message lunch " + (m.senderId() == alice.memberId ? "alice" : "bob") + ": " + m.text());
        }
        List<String> expected = new ArrayList<>(List.of("opened lunch 'Lunch talk' []", "entered lunch alice [alice]",
                "entered lunch bob [alice, bob]"));
        expected.addAll(aliceSaw);
        assertEquals(expected, first.awaitEvents(expected.size()));
        assertEquals(expected, second.awaitEvents(expected.size()));
    }

    @Test
    void anActivityRegisteredLaterEntersTheOpenPlaces() throws IOException {
        PlaceSession alice = PlaceSession.enter(fx.login("alice"), "lunch", "Lunch talk");
        RecordingActivity late = new RecordingActivity("late");
        fx.places.addActivity(late);
        late.awaitEvent("opened lunch 'Lunch talk' [alice]");
        Place lunch = fx.places.livePlaces().get("lunch");
        Awaits.until(() -> lunch.activities().equals(List.of("late")), "the place to list its activity");

        alice.say("now with a listener");
        late.awaitEvent("message lunch alice: now with a listener");
    }

    @Test
    void aFailingActivityHurtsNeitherThePlaceNorTheOtherActivities() throws IOException {
        RecordingActivity failing = new RecordingActivity("failing");
        failing.failOnMessage = true;
        RecordingActivity healthy = new RecordingActivity("healthy");
        fx.places.addActivity(failing);
        fx.places.addActivity(healthy);
        PlaceSession alice = PlaceSession.enter(fx.login("alice"), "lunch", "Lunch talk");
        alice.say("one");
        alice.say("two");
        assertEquals("one", alice.next(Message.class).text());
        assertEquals("two", alice.next(Message.class).text());
        healthy.awaitEvent("message lunch alice: two");
        failing.awaitEvent("message lunch alice: two");
    }

    @Test
    void anUnregisteredActivityGetsNoMoreEvents() throws IOException {
        RecordingActivity gone = new RecordingActivity("gone");
        RecordingActivity stays = new RecordingActivity("stays");
        fx.places.addActivity(gone);
        fx.places.addActivity(stays);
        PlaceSession alice = PlaceSession.enter(fx.login("alice"), "lunch", "Lunch talk");
        gone.awaitEvent("entered lunch alice [alice]");
        fx.places.removeActivity(gone);
        alice.say("after");
        stays.awaitEvent("message lunch alice: after");
        assertTrue(gone.events().stream().noneMatch(e -> e.startsWith("message")), gone.events().toString());
        Place lunch = fx.places.livePlaces().get("lunch");
        Awaits.until(() -> lunch.activities().equals(List.of("stays")), "the place to drop the activity");
    }

    private static void sayMany(PlaceSession s, int count) {
        try {
            for (int i = 0; i < count; i++) {
                s.say(s.userId() + " " + i);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
