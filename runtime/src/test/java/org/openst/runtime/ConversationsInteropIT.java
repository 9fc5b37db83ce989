package org.openst.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conferences, places and chat logging with the real libmeanwhile (issue 5), against the
 * distribution in Felix with chat logging enabled.
 */
class ConversationsInteropIT {
    @TempDir
    static Path tmp;
    static RunningHub hub;

    @BeforeAll
    static void start() throws Exception {
        InteropDrivers.build();
        hub = RunningHub.start(tmp.resolve("hub"), "hub.id = conv1\n",
                Map.of("org.openst.chatlogging.cfg", "enabled = true\n"));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void libmeanwhileThreePartyConference() throws Exception {
        String out = InteropDrivers.pass(hub, "mwdriver", "conference", "alice", "alice-pw", "bob", "bob-pw",
                "carol", "carol-pw");
        assertTrue(out.contains("members=alice,bob,carol"), out);
        assertTrue(out.contains("conference-peer-parted user=bob"), out);
    }

    @Test
    void libmeanwhilePlaceOfTwo() throws Exception {
        String out = InteropDrivers.pass(hub, "mwdriver", "place", "alice", "alice-pw", "bob", "bob-pw");
        assertTrue(out.contains("members=alice,bob"), out);
    }

    @Test
    void libmeanwhileEncryptedImIsDeliveredAndLoggedAsPlainText() throws Exception {
        String marker = "logged-" + System.nanoTime();
        // With a text argument the scenario insists on RC2/128 at both ends.
        InteropDrivers.pass(hub, "mwdriver", "im", "alice", "alice-pw", "bob", "bob-pw", marker);
        Await.until("the IM in the chat log", () -> ChatLogReader.find(hub, marker).size() == 1, hub::bundleStates);
        List<Map<String, Object>> entries = ChatLogReader.find(hub, marker);
        assertEquals("alice", entries.get(0).get("fromUserId"));
        assertEquals("bob", entries.get(0).get("toUserId"));
        assertTrue(String.valueOf(entries.get(0).get("text")).contains(marker), entries.toString());
    }
}
