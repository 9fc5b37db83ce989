package org.openst.hub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openst.client.EventCollector;

/** Issue 3: ADMIN broadcasts and ANNOUNCE between users (spec §3.14, §3.15). */
class AdminAnnounceTest {

    @Test
    void adminMessagesReachEveryoneOrOneUser() throws IOException {
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw");
                Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            assertEquals(2, hub.hub.broadcastAdminMessage("maintenance at noon"));
            assertEquals("maintenance at noon", alice.events().awaitAdmin(Clients.WAIT));
            assertEquals("maintenance at noon", bob.events().awaitAdmin(Clients.WAIT));
            assertEquals(1, hub.hub.sendAdminMessage("bob", "just bob"));
            assertEquals("just bob", bob.events().awaitAdmin(Clients.WAIT));
            assertEquals(0, hub.hub.sendAdminMessage("nobody", "x"));
        }
    }

    @Test
    void announcementsCarryTheSender() throws IOException {
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw");
                Clients bob = Clients.login(hub, "bob", "bob-pw"); Clients carol = Clients.login(hub, "carol", "carol-pw")) {
            alice.client().announce(List.of("@U bob", "@U carol", "@G everyone"), "fire drill");
            EventCollector.Announcement toBob = bob.events().awaitAnnouncement(Clients.WAIT);
            assertEquals("fire drill", toBob.text());
            assertEquals("alice", toBob.sender().userId());
            assertEquals("fire drill", carol.events().awaitAnnouncement(Clients.WAIT).text());
        }
    }
}
