package org.openst.buddylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.openst.client.ChannelMessage;
import org.openst.hub.core.Clients;
import org.openst.protocol.AwareIdBlock;
import org.openst.protocol.AwareSnapshot;
import org.openst.protocol.UserStatus;
import org.openst.protocol.UserStatusCode;

/**
 * ADDs racing with status changes: what a watcher sees about a user never goes back to an older
 * state (an UPDATE is never overtaken by an older snapshot), and it ends on the latest one.
 */
class OrderingTest {
    private static final AwareIdBlock BOB = AwareIdBlock.user("bob");
    private static final int CHANGES = 300;

    @Test
    void aWatchersViewOfAUserOnlyMovesForward() throws Exception {
        try (AwarenessHub h = new AwarenessHub(); Watcher alice = Watcher.open(h.hub, "alice");
                Watcher carol = Watcher.open(h.hub, "carol"); Clients bob = Clients.login(h.hub, "bob", "bob-pw")) {
            carol.addAndAwait(BOB);
            CompletableFuture<Void> changes = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 1; i <= CHANGES; i++) {
                        int code = i % 2 == 0 ? UserStatusCode.ACTIVE : UserStatusCode.AWAY;
                        bob.client().setStatus(new UserStatus(code, 0, Integer.toString(i)));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            int adds = 0;
            while (!changes.isDone()) {
                alice.add(BOB);
                adds++;
            }
            changes.get();
            // Carol's last update proves Bob's last change was published.
            while (!carol.nextUpdate().status().desc().equals(Integer.toString(CHANGES))) {
                // earlier updates
            }
            alice.add(BOB);
            adds++;

            int seen = 0;
            int snapshots = 0;
            while (snapshots < adds) {
                ChannelMessage m = alice.channel.receive(Clients.WAIT);
                AwareSnapshot s;
                if (m.msgType() == AwareWire.AWARE_SNAPSHOT) {
                    snapshots++;
                    s = AwareWire.snapshot(m.data()).get(0);
                } else {
                    assertEquals(AwareWire.AWARE_UPDATE, m.msgType());
                    s = AwareWire.update(m.data());
                }
                int n = s.status().desc().isEmpty() ? 0 : Integer.parseInt(s.status().desc());
                assertTrue(n >= seen, "went back from state " + seen + " to " + n);
                seen = n;
            }
            assertEquals(CHANGES, seen, "ends on the latest state");
            alice.assertQuietAbout(BOB);
        }
    }
}
