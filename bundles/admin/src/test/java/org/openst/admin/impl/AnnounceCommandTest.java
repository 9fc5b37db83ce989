package org.openst.admin.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openst.support.testing.FakeLogin;
import org.openst.support.testing.FakeCommunity;

class AnnounceCommandTest {

    private final FakeCommunity community = new FakeCommunity().with(FakeLogin.of("alice"), FakeLogin.of("bob"));
    private final AnnounceCommand command = new AnnounceCommand(community);

    @Test
    void toEveryone() {
        assertEquals("announced to 2 logins", command.announce("Server", "restarts at 18:00"));
        assertEquals(List.of("broadcast: Server restarts at 18:00"), community.calls);
    }

    @Test
    void toOneUser() {
        assertEquals("announced to bob (1 login)", command.announce("--user", "bob", "please call me"));
        assertEquals(List.of("admin bob: please call me"), community.calls);
    }

    @Test
    void anOfflineUserOrNoTextIsAnError() {
        assertEquals("carol is not online",
                assertThrows(IllegalArgumentException.class, () -> command.announce("--user", "carol", "hi")).getMessage());
        assertEquals("no text; " + AnnounceCommand.USAGE,
                assertThrows(IllegalArgumentException.class, () -> command.announce("--user", "bob")).getMessage());
        assertEquals("no text; " + AnnounceCommand.USAGE, assertThrows(IllegalArgumentException.class, () -> command.announce()).getMessage());
        assertEquals("--user needs a user ID; " + AnnounceCommand.USAGE,
                assertThrows(IllegalArgumentException.class, () -> command.announce("--user")).getMessage());
    }
}
