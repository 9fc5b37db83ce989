package org.openst.buddylist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.openst.hub.core.Awaits;
import org.openst.protocol.AwareIdBlock;
import org.openst.protocol.AwareSnapshot;

/** Spec §6.2.2: attributes set per login, watched per channel. */
class AttributesTest {
    private static final AwareIdBlock BOB = AwareIdBlock.user("bob");
    private static final int AV_PREFS = 1;
    private static final int FILE_TRANSFER = 6;

    @Test
    void setsAndUnsetsReachChannelsWatchingTheKey() throws Exception {
        try (AwarenessHub h = new AwarenessHub(); Watcher bob = Watcher.open(h.hub, "bob");
                Watcher alice = Watcher.open(h.hub, "alice")) {
            alice.watch(FILE_TRANSFER);
            assertTrue(alice.addAndAwait(BOB).get(0).online());

            bob.set(FILE_TRANSFER, AwareWire.TRUE);
            AwareWire.GotSet set = alice.nextGotSet();
            assertEquals(BOB, set.id());
            assertEquals(FILE_TRANSFER, set.key());
            assertArrayEquals(AwareWire.TRUE, set.value());

            bob.set(AV_PREFS, AwareWire.TRUE);          // not watched by Alice
            bob.set(FILE_TRANSFER, AwareWire.TRUE);     // unchanged
            bob.unset(FILE_TRANSFER);
            assertEquals(new AwareWire.GotUnset(BOB, FILE_TRANSFER), alice.nextGotUnset());
            alice.assertQuietAbout(BOB);

            // A WATCH sends the current values of the keys it adds, and only those.
            alice.watch(AV_PREFS, FILE_TRANSFER);
            AwareWire.GotSet prefs = alice.nextGotSet();
            assertEquals(AV_PREFS, prefs.key());
            bob.set(FILE_TRANSFER, "yes".getBytes(StandardCharsets.UTF_8));
            assertArrayEquals("yes".getBytes(StandardCharsets.UTF_8), alice.nextGotSet().value());
            alice.watch(AV_PREFS, FILE_TRANSFER);
            alice.assertQuietAbout(BOB);
            assertEquals(AV_PREFS, alice.nextGotSet().key(), "after an ADD: the watched values, in key order");
            assertEquals(FILE_TRANSFER, alice.nextGotSet().key());
        }
    }

    @Test
    void attributesVanishWithTheLogin() throws Exception {
        try (AwarenessHub h = new AwarenessHub(); Watcher bob = Watcher.open(h.hub, "bob");
                Watcher alice = Watcher.open(h.hub, "alice")) {
            alice.watch(AV_PREFS, FILE_TRANSFER);
            alice.addAndAwait(BOB);
            bob.set(AV_PREFS, AwareWire.TRUE);
            bob.set(FILE_TRANSFER, new byte[0]);
            assertEquals(AV_PREFS, alice.nextGotSet().key());
            AwareWire.GotSet empty = alice.nextGotSet();
            assertEquals(0, empty.value().length, "an empty value: has_value 0 and no opaque");

            bob.login.client().logout();
            assertEquals(AwareSnapshot.offline(BOB), alice.nextUpdate());
            // Meanwhile keeps attributes of offline buddies, so they are withdrawn explicitly.
            assertEquals(new AwareWire.GotUnset(BOB, AV_PREFS), alice.nextGotUnset());
            assertEquals(new AwareWire.GotUnset(BOB, FILE_TRANSFER), alice.nextGotUnset());
        }
    }

    @Test
    void aSnapshotIsFollowedByTheWatchedValuesOfOnlineUsers() throws Exception {
        try (AwarenessHub h = new AwarenessHub(); Watcher bob = Watcher.open(h.hub, "bob");
                Watcher carol = Watcher.open(h.hub, "carol")) {
            bob.set(FILE_TRANSFER, AwareWire.TRUE);
            bob.set(AV_PREFS, AwareWire.TRUE);
            carol.watch(FILE_TRANSFER);
            // Bob's sets are processed in order on his channel; wait for them through the hub's view.
            Awaits.until(() -> bobHas(h, bob, 2), "Bob's attributes stored");
            AwareIdBlock carolId = AwareIdBlock.user("carol");
            carol.addAndAwait(carolId, BOB);
            AwareWire.GotSet set = carol.nextGotSet();
            assertEquals(BOB, set.id());
            assertEquals(FILE_TRANSFER, set.key());
            carol.assertQuietAbout(BOB);
            assertEquals(FILE_TRANSFER, carol.nextGotSet().key());
        }
    }

    private static boolean bobHas(AwarenessHub h, Watcher bob, int keys) {
        return h.service.attributesOf(bob.loginId()).size() == keys;
    }
}
