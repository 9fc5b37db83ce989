package org.openst.buddylist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openst.client.ChannelRefusedException;
import org.openst.hub.core.Awaits;
import org.openst.hub.core.Clients;
import org.openst.protocol.AwareIdBlock;
import org.openst.protocol.AwareSnapshot;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.UserStatus;
import org.openst.protocol.UserStatusCode;
import org.openst.protocol.WireWriter;

/** Spec §6.2.1: subscriptions, snapshots and presence updates, end to end over the wire. */
class PresenceTest {
    private static final AwareIdBlock BOB = AwareIdBlock.user("bob");
    private static final AwareIdBlock CAROL = AwareIdBlock.user("carol");

    @Test
    void everyAddedIdIsAnsweredInOneSnapshotEchoedExactly() throws Exception {
        try (AwarenessHub h = new AwarenessHub(); Watcher alice = Watcher.open(h.hub, "alice");
                Watcher bob = Watcher.open(h.hub, "bob")) {
            AwareIdBlock oddBob = new AwareIdBlock(AwareIdBlock.USER, "BoB", "Openst.LOCAL");
            AwareIdBlock nobody = AwareIdBlock.user("nobody");
            AwareIdBlock otherServer = new AwareIdBlock(AwareIdBlock.SERVER, "elsewhere", "");
            List<AwareSnapshot> s = alice.addAndAwait(oddBob, nobody, CAROL, otherServer);

            assertEquals(4, s.size());
            assertEquals(oddBob, s.get(0).id(), "the ID comes back as sent (§5.9)");
            assertTrue(s.get(0).online());
            assertEquals(bob.loginId(), s.get(0).altId(), "alt_id is the login ID (§6.2.1)");
            assertEquals(UserStatusCode.ACTIVE, s.get(0).status().status());
            assertEquals("Bob Builder", s.get(0).name());
            assertEquals("", s.get(0).group());
            assertEquals(AwareSnapshot.offline(nobody), s.get(1));
            assertEquals(AwareSnapshot.offline(CAROL), s.get(2));
            assertEquals(AwareSnapshot.offline(otherServer), s.get(3), "another server's ID is answered offline");
        }
    }

    @Test
    void idBytesThatAreNotUtf8AreEchoedByteForByte() throws Exception {
        try (AwarenessHub h = new AwarenessHub(); Watcher alice = Watcher.open(h.hub, "alice")) {
            byte[] block = new WireWriter().u16(AwareIdBlock.USER).strBytes(new byte[] {'b', (byte) 0xC3, 0x28})
                    .str("").toByteArray();
            alice.send(AwareWire.AWARE_ADD, new WireWriter().u32(1).raw(block).toByteArray());
            byte[] answer = alice.next(AwareWire.AWARE_SNAPSHOT).data();
            // u32 count, u32 block_len, then the ID block.
            assertArrayEquals(block, Arrays.copyOfRange(answer, 8, 8 + block.length));
        }
    }

    @Test
    void anEmptyAddIsNotAnswered() throws Exception {
        try (AwarenessHub h = new AwarenessHub(); Watcher alice = Watcher.open(h.hub, "alice")) {
            alice.add();
            List<AwareSnapshot> s = alice.addAndAwait(CAROL);
            assertEquals(List.of(AwareSnapshot.offline(CAROL)), s, "the first answer is the second ADD's");
        }
    }

    @Test
    void aBuddyLoggingInChangingStatusAndLoggingOutIsSeen() throws Exception {
        try (AwarenessHub h = new AwarenessHub(); Watcher alice = Watcher.open(h.hub, "alice")) {
            assertFalse(alice.addAndAwait(BOB).get(0).online());

            Clients bob = Clients.login(h.hub, "bob", "bob-pw");
            AwareSnapshot online = alice.nextUpdate();
            assertEquals(BOB, online.id());
            assertTrue(online.online());
            assertEquals(bob.client().loginInfo().loginId(), online.altId());
            assertEquals(UserStatus.active(), online.status());

            // §8.2 #30-31: Bob goes away for lunch.
            UserStatus lunch = new UserStatus(UserStatusCode.AWAY, 1_700_000_000L, "lunch");
            bob.client().setStatus(lunch);
            AwareSnapshot away = alice.nextUpdate();
            assertTrue(away.online());
            assertEquals(lunch, away.status());

            // §8.2 #32: logout.
            bob.client().logout();
            assertEquals(AwareSnapshot.offline(BOB), alice.nextUpdate());
        }
    }

    @Test
    void severalLoginsReportTheMostAvailableAndOfflineOnlyWithTheLast() throws Exception {
        try (AwarenessHub h = new AwarenessHub(); Watcher alice = Watcher.open(h.hub, "alice")) {
            alice.addAndAwait(BOB);
            Clients bob1 = Clients.login(h.hub, "bob", "bob-pw");
            String id1 = bob1.client().loginInfo().loginId();
            assertEquals(id1, alice.nextUpdate().altId());
            bob1.client().setStatus(new UserStatus(UserStatusCode.AWAY, 0, "out"));
            assertEquals(UserStatusCode.AWAY, alice.nextUpdate().status().status());

            Clients bob2 = Clients.login(h.hub, "bob", "bob-pw");
            String id2 = bob2.client().loginInfo().loginId();
            AwareSnapshot both = alice.nextUpdate();
            assertEquals(id2, both.altId(), "ACTIVE beats AWAY");
            assertEquals(UserStatusCode.ACTIVE, both.status().status());

            bob2.client().setStatus(new UserStatus(UserStatusCode.BUSY, 0, "meeting"));
            AwareSnapshot busy = alice.nextUpdate();
            assertEquals(id1, busy.altId(), "AWAY beats BUSY");
            assertEquals("out", busy.status().desc());

            bob1.client().logout();
            AwareSnapshot left = alice.nextUpdate();
            assertTrue(left.online(), "one login is left");
            assertEquals(id2, left.altId());
            assertEquals(UserStatusCode.BUSY, left.status().status());

            bob2.client().logout();
            assertEquals(AwareSnapshot.offline(BOB), alice.nextUpdate());
        }
    }

    @Test
    void addIsIdempotentAndRemoveEndsUpdates() throws Exception {
        try (AwarenessHub h = new AwarenessHub(); Watcher alice = Watcher.open(h.hub, "alice");
                Watcher carol = Watcher.open(h.hub, "carol"); Clients bob = Clients.login(h.hub, "bob", "bob-pw")) {
            assertTrue(alice.addAndAwait(BOB).get(0).online());
            assertTrue(alice.addAndAwait(BOB).get(0).online(), "a duplicate ADD is answered again");
            carol.addAndAwait(BOB);
            assertEquals(1, h.service.watchedUsers());

            alice.remove(BOB);
            alice.remove(BOB);
            alice.addAndAwait(CAROL); // answered only after the REMOVEs before it
            bob.client().setStatus(new UserStatus(UserStatusCode.AWAY, 0, ""));
            assertEquals(UserStatusCode.AWAY, carol.nextUpdate().status().status());
            // Nothing reached Alice: the next thing she gets is the answer to her probe.
            assertEquals(UserStatusCode.AWAY, alice.assertQuietAbout(BOB).status().status());

            alice.remove(BOB, CAROL);
            carol.remove(BOB);
            Awaits.until(() -> h.service.watchedUsers() == 0, "the reverse index forgets unwatched users");
        }
    }

    @Test
    void aUserSeesThemselfAndUpdatesReachEverySpellingOnce() throws Exception {
        try (AwarenessHub h = new AwarenessHub(); Watcher alice = Watcher.open(h.hub, "alice")) {
            AwareIdBlock me = AwareIdBlock.user("alice");
            AwareIdBlock meUpper = AwareIdBlock.user("ALICE");
            alice.addAndAwait(me, meUpper);
            alice.login.client().setStatus(new UserStatus(UserStatusCode.BUSY, 0, "dnd"));
            AwareSnapshot first = alice.nextUpdate();
            AwareSnapshot second = alice.nextUpdate();
            assertEquals(List.of(me, meUpper), List.of(first.id(), second.id()));
            assertEquals(UserStatusCode.BUSY, second.status().status());
        }
    }

    @Test
    void aWrongProtocolTypeIsRefused() throws Exception {
        try (AwarenessHub h = new AwarenessHub(); Clients alice = Clients.login(h.hub, "alice", "alice-pw")) {
            ChannelRefusedException e = assertThrows(ChannelRefusedException.class,
                    () -> alice.client().openServiceChannel(AwareWire.SERVICE, 0x12, AwareWire.PROTO_VERSION, null));
            assertEquals(ErrorCode.ERR_PROTOCOL_NO_SUPPORT, e.reason());
        }
    }

    @Test
    void closingTheChannelDropsItsState() throws Exception {
        try (AwarenessHub h = new AwarenessHub(); Watcher alice = Watcher.open(h.hub, "alice")) {
            alice.addAndAwait(BOB, CAROL);
            assertEquals(1, h.service.channelCount());
            assertEquals(2, h.service.watchedUsers());
            alice.channel.close();
            Awaits.until(() -> h.service.channelCount() == 0 && h.service.watchedUsers() == 0, "state dropped");
        }
    }

    @Test
    void aLogoutDropsTheWatchersState() throws Exception {
        try (AwarenessHub h = new AwarenessHub(); Watcher alice = Watcher.open(h.hub, "alice")) {
            alice.addAndAwait(BOB);
            alice.login.client().logout();
            Awaits.until(() -> h.service.channelCount() == 0 && h.service.watchedUsers() == 0, "state dropped");
        }
    }
}
