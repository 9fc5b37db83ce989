package org.openst.chatlogging.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openst.places.api.Place;
import org.openst.places.api.PlaceMember;
import org.openst.storage.api.ChatEntry;
import org.openst.support.testing.MutableClock;

/** A place text as the places bundle reports it becomes one PLACE entry, the place's name as conversation. */
class PlaceChatActivityTest {

    /** A place with just a name. */
    record FakePlace(String name) implements Place {
        @Override
        public String title() {
            return "The " + name;
        }

        @Override
        public List<PlaceMember> members() {
            return List.of();
        }

        @Override
        public List<String> activities() {
            return List.of();
        }
    }

    @Test
    void placeMessageMapsToAPlaceEntry() {
        ImChatObserverTest.CollectingLog log = new ImChatObserverTest.CollectingLog();
        PlaceChatActivity activity = new PlaceChatActivity(log, new MutableClock(Entries.T0));
        FakePlace lobby = new FakePlace("lobby");
        PlaceMember carol = new PlaceMember(3, "carol", "hub1-7", "Carol Singer");

        activity.placeOpened(lobby);
        activity.memberEntered(lobby, carol);
        activity.messageSent(lobby, carol, "hello everyone\nsecond line");
        activity.messageSent(lobby, carol, "");
        activity.memberLeft(lobby, carol);
        activity.placeClosed(lobby);

        assertEquals(List.of(new ChatEntry(0, Entries.T0, ChatEntry.Kind.PLACE, "lobby", "carol", "Carol Singer", "",
                "text", "hello everyone\nsecond line")), log.recorded, "only texts are chat");
        assertEquals("chat logging", activity.name());
    }
}
