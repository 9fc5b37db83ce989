package org.openst.buddylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.openst.hub.core.Clients;
import org.openst.protocol.AwareIdBlock;
import org.openst.protocol.AwareSnapshot;
import org.openst.protocol.UserStatus;
import org.openst.protocol.UserStatusCode;

/** Spec §6.2.4: adding a group answers its members, tagged with the group's ID as added. */
class GroupAwarenessTest {
    private static final AwareIdBlock SALES = new AwareIdBlock(AwareIdBlock.GROUP, "Sales", "");

    /** A directory double: Sales = Bob and Carol; remembers on which threads it was asked. */
    private static final class TestGroups implements GroupMembers {
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final Map<String, List<String>> groups = Map.of("Sales", List.of("bob", "carol"));

        @Override
        public List<String> memberIds(String groupId) {
            threads.add(Thread.currentThread().getName());
            return groups.getOrDefault(groupId, List.of());
        }
    }

    @Test
    void aGroupIsAnsweredWithItsMembersWhoAreThenWatched() throws Exception {
        TestGroups groups = new TestGroups();
        try (AwarenessHub h = new AwarenessHub(AwarenessSettings.defaults(), groups);
                Clients bob = Clients.login(h.hub, "bob", "bob-pw"); Watcher alice = Watcher.open(h.hub, "alice")) {
            List<AwareSnapshot> s = alice.addAndAwait(SALES);
            assertEquals(2, s.size());
            assertEquals(AwareIdBlock.user("bob"), s.get(0).id());
            assertEquals("Sales", s.get(0).group(), "group = the group ID exactly as added");
            assertTrue(s.get(0).online());
            assertEquals(bob.client().loginInfo().loginId(), s.get(0).altId());
            assertEquals(AwareIdBlock.user("carol"), s.get(1).id());
            assertEquals("Sales", s.get(1).group());
            assertFalse(s.get(1).online());
            assertEquals(Set.of(AwarenessHub.LOOKUP_THREAD), groups.threads, "directory look-ups off the network threads");

            // Members' changes arrive as ordinary updates (Meanwhile ADDs them right after anyway).
            bob.client().setStatus(new UserStatus(UserStatusCode.AWAY, 0, ""));
            AwareSnapshot away = alice.nextUpdate();
            assertEquals(AwareIdBlock.user("bob"), away.id());
            assertEquals("", away.group());
            assertEquals(UserStatusCode.AWAY, away.status().status());
        }
    }

    @Test
    void usersAndGroupsOfOneAddAreAnsweredInTwoSnapshotsAndUnknownGroupsNotAtAll() throws Exception {
        try (AwarenessHub h = new AwarenessHub(AwarenessSettings.defaults(), new TestGroups());
                Watcher alice = Watcher.open(h.hub, "alice")) {
            AwareIdBlock unknown = new AwareIdBlock(AwareIdBlock.GROUP, "Nobody", "");
            AwareIdBlock dave = AwareIdBlock.user("dave");
            assertEquals(List.of(AwareSnapshot.offline(dave)), alice.addAndAwait(dave, SALES, unknown));
            List<AwareSnapshot> members = alice.nextSnapshot();
            assertEquals(2, members.size());

            alice.add(unknown);
            h.drainLookups();
            alice.assertQuietAbout(dave);
        }
    }

    @Test
    void aGroupRemovedBeforeItsLookUpEndsIsNotAnswered() throws Exception {
        TestGroups groups = new TestGroups();
        try (AwarenessHub h = new AwarenessHub(AwarenessSettings.defaults(), groups);
                Watcher alice = Watcher.open(h.hub, "alice")) {
            // Hold the look-up thread so that the REMOVE is processed first.
            CountDownLatch gate = new CountDownLatch(1);
            h.lookups.execute(() -> {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            alice.add(SALES);
            alice.remove(SALES);
            AwareIdBlock dave = AwareIdBlock.user("dave");
            alice.addAndAwait(dave); // both earlier messages are processed once this is answered
            gate.countDown();
            h.drainLookups();
            alice.assertQuietAbout(dave);
        }
    }
}
