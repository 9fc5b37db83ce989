package org.openst.buddylist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.openst.protocol.AwareIdBlock;
import org.openst.protocol.ServiceType;
import org.openst.protocol.UserStatusCode;
import org.openst.support.testing.FakeChannel;
import org.openst.support.testing.FakeLogin;

/** The reverse index entry below the wire: shared payloads, and the snapshot/update ordering rule. */
class PresenceEntryTest {
    private static final IdForm BOB = IdForm.of(AwareIdBlock.user("bob"));
    private static final IdForm BOB_UPPER = IdForm.of(AwareIdBlock.user("BOB"));

    private final AtomicReference<UserView> live = new AtomicReference<>(online(UserStatusCode.ACTIVE));
    private final PresenceEntry entry = new PresenceEntry("bob", previous -> live.get());

    private static UserView online(int status) {
        return UserView.of(FakeLogin.of("bob-1", "bob", status), Map.of());
    }

    private static ChannelState watcher(String user) {
        FakeLogin login = FakeLogin.of(user + "-1", user, UserStatusCode.ACTIVE);
        return new ChannelState(new FakeChannel(login, ServiceType.AWARENESS, 0x11, 0x00030005, new byte[0]));
    }

    private static List<FakeChannel.Sent> sent(ChannelState cs) {
        return ((FakeChannel) cs.channel).sent;
    }

    private void subscribed(IdForm form, ChannelState cs) {
        entry.catchUp(entry.subscribe(form, cs));
    }

    @Test
    void watchersOfOneSpellingShareOneEncodedUpdate() {
        ChannelState a = watcher("alice");
        ChannelState c = watcher("carol");
        ChannelState d = watcher("dave");
        subscribed(BOB, a);
        subscribed(BOB, c);
        subscribed(BOB_UPPER, d);

        live.set(online(UserStatusCode.AWAY));
        assertEquals(List.of(), entry.publish());

        byte[] toAlice = sent(a).get(0).data();
        assertSame(toAlice, sent(c).get(0).data(), "encoded once for both");
        assertNotSame(toAlice, sent(d).get(0).data());
        assertEquals(BOB_UPPER.id(), AwareWire.update(sent(d).get(0).data()).id());
        assertEquals(UserStatusCode.AWAY, AwareWire.update(toAlice).status().status());
    }

    @Test
    void aPendingSnapshotIsCaughtUpInsteadOfOvertaken() {
        ChannelState a = watcher("alice");
        PresenceEntry.Registration r = entry.subscribe(BOB, a);
        assertEquals(UserStatusCode.ACTIVE, r.view().status().status());

        // The user changes before the ADD has sent its snapshot: the fan-out leaves Alice alone...
        live.set(online(UserStatusCode.BUSY));
        entry.publish();
        assertTrue(sent(a).isEmpty());

        // ...and the ADD, having sent its (older) snapshot, sends the difference.
        entry.catchUp(r);
        assertEquals(1, sent(a).size());
        assertEquals(AwareWire.AWARE_UPDATE, sent(a).get(0).msgType());
        assertEquals(UserStatusCode.BUSY, AwareWire.update(sent(a).get(0).data()).status().status());

        // Later changes flow normally.
        live.set(online(UserStatusCode.ACTIVE));
        entry.publish();
        assertEquals(2, sent(a).size());
    }

    @Test
    void aCatchUpWithoutChangeSendsNothingAndAnUnchangedViewIsNotPublished() {
        ChannelState a = watcher("alice");
        subscribed(BOB, a);
        entry.publish();
        assertTrue(sent(a).isEmpty());
    }

    @Test
    void closedChannelsAreReportedAndTheEmptiedEntryLeaves() {
        ChannelState a = watcher("alice");
        subscribed(BOB, a);
        a.channel.close(0);
        live.set(online(UserStatusCode.AWAY));
        assertEquals(List.of(a), entry.publish());

        assertFalse(entry.unsubscribe(BOB_UPPER, a, true), "another spelling: still subscribed");
        assertTrue(entry.unsubscribe(BOB, a, true), "emptied: leaves the index");
        assertEquals(0, entry.size());
        assertNull(entry.subscribe(BOB, a), "a removed entry refuses subscriptions");
    }

    @Test
    void attributeChangesGoOnlyToWatchersOfTheKey() {
        ChannelState a = watcher("alice");
        ChannelState c = watcher("carol");
        a.watchKeys = Set.of(6);
        subscribed(BOB, a);
        subscribed(BOB, c);
        live.set(UserView.of(FakeLogin.of("bob-1", "bob", UserStatusCode.ACTIVE),
                Map.of(6, AttributeValue.of(new byte[] {0, 1}))));
        entry.publish();
        assertEquals(1, sent(a).size());
        AwareWire.GotSet set = AwareWire.gotSet(sent(a).get(0).data());
        assertEquals(6, set.key());
        assertArrayEquals(new byte[] {0, 1}, set.value());
        assertTrue(sent(c).isEmpty());
    }
}
