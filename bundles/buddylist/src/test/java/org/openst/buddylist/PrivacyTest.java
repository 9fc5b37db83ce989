package org.openst.buddylist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openst.hub.core.Awaits;
import org.openst.protocol.AwareIdBlock;
import org.openst.protocol.AwareSnapshot;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.PrivacyUser;
import org.openst.protocol.UserStatus;
import org.openst.protocol.UserStatusCode;

/**
 * Spec §6.2.1: "A user hidden from the watcher by the user's privacy list must look offline to
 * that watcher" (read with {@code PrivacyRules.allows}); hidden watchers get no attributes either.
 */
class PrivacyTest {
    private static final AwareIdBlock BOB = AwareIdBlock.user("bob");
    private static final int FILE_TRANSFER = 6;
    private static final PrivacyInfo BLOCK_ALICE = new PrivacyInfo(true, List.of(PrivacyUser.of("Alice")));

    @Test
    void aHiddenWatcherSeesOfflineUntilThePrivacyListChanges() throws Exception {
        try (AwarenessHub h = new AwarenessHub(); Watcher bob = Watcher.open(h.hub, "bob");
                Watcher alice = Watcher.open(h.hub, "alice"); Watcher carol = Watcher.open(h.hub, "carol")) {
            setPrivacy(h, bob, BLOCK_ALICE);
            alice.watch(FILE_TRANSFER);
            carol.watch(FILE_TRANSFER);

            assertEquals(List.of(AwareSnapshot.offline(BOB)), alice.addAndAwait(BOB), "hidden: offline");
            assertTrue(carol.addAndAwait(BOB).get(0).online(), "everybody else sees Bob");

            // A status change and an attribute reach Carol only.
            bob.login.client().setStatus(new UserStatus(UserStatusCode.AWAY, 0, "lunch"));
            assertEquals(UserStatusCode.AWAY, carol.nextUpdate().status().status());
            bob.set(FILE_TRANSFER, AwareWire.TRUE);
            assertEquals(FILE_TRANSFER, carol.nextGotSet().key());
            assertFalse(alice.assertQuietAbout(BOB).online(), "no update, still offline");

            // Bob lets everybody see him: Alice, whose visibility changed, is told; Carol is not.
            bob.login.client().setPrivacy(PrivacyInfo.allowAll());
            AwareSnapshot visible = alice.nextUpdate();
            assertTrue(visible.online());
            assertEquals("lunch", visible.status().desc());
            AwareWire.GotSet attribute = alice.nextGotSet();
            assertEquals(BOB, attribute.id());
            assertArrayEquals(AwareWire.TRUE, attribute.value());
            assertTrue(carol.assertQuietAbout(BOB).online());
            assertEquals(FILE_TRANSFER, carol.nextGotSet().key(), "the probe's own attribute");

            // Hidden again: offline, and the attribute Alice saw is withdrawn.
            bob.login.client().setPrivacy(BLOCK_ALICE);
            assertEquals(AwareSnapshot.offline(BOB), alice.nextUpdate());
            assertEquals(new AwareWire.GotUnset(BOB, FILE_TRANSFER), alice.nextGotUnset());
        }
    }

    @Test
    void anAllowListHidesEverybodyElseButNeverTheUserThemself() throws Exception {
        try (AwarenessHub h = new AwarenessHub(); Watcher bob = Watcher.open(h.hub, "bob");
                Watcher alice = Watcher.open(h.hub, "alice"); Watcher carol = Watcher.open(h.hub, "carol")) {
            setPrivacy(h, bob, new PrivacyInfo(false, List.of(PrivacyUser.of("carol"))));
            assertFalse(alice.addAndAwait(BOB).get(0).online());
            assertTrue(carol.addAndAwait(BOB).get(0).online());
            assertTrue(bob.addAndAwait(BOB).get(0).online(), "a user always sees themself");
        }
    }

    private static void setPrivacy(AwarenessHub h, Watcher user, PrivacyInfo privacy) throws Exception {
        user.login.client().setPrivacy(privacy);
        Awaits.until(() -> h.hub.community().login(user.loginId()).orElseThrow().privacy().equals(privacy),
                "the hub has the privacy list");
    }
}
