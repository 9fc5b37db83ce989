package org.openst.buddylist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openst.hub.core.Clients;
import org.openst.protocol.AwareIdBlock;
import org.openst.protocol.AwareSnapshot;
import org.openst.protocol.UserStatus;
import org.openst.protocol.UserStatusCode;

/** One status change reaches every watcher exactly once, in the spelling each one used. */
class FanOutTest {
    private static final int WATCHERS = 200;

    @Test
    void everyWatcherGetsExactlyOneUpdate() throws Exception {
        try (AwarenessHub h = new AwarenessHub(); Clients bob = Clients.login(h.hub, "bob", "bob-pw")) {
            List<Watcher> watchers = new ArrayList<>();
            try {
                for (int i = 0; i < WATCHERS; i++) {
                    String user = String.format("w%03d", i);
                    h.hub.authority().with(user, "pw", "Watcher " + i);
                    Watcher w = Watcher.open(h.hub, user, "pw");
                    watchers.add(w);
                    w.addAndAwait(spelling(i));
                }
                UserStatus away = new UserStatus(UserStatusCode.AWAY, 0, "gone fishing");
                bob.client().setStatus(away);
                for (int i = 0; i < WATCHERS; i++) {
                    AwareSnapshot update = watchers.get(i).nextUpdate();
                    assertEquals(spelling(i), update.id());
                    assertEquals(away, update.status());
                }
                for (int i = 0; i < WATCHERS; i++) {
                    assertEquals(away, watchers.get(i).assertQuietAbout(spelling(i)).status(), "exactly one update");
                }
            } finally {
                watchers.forEach(Watcher::close);
            }
        }
    }

    private static AwareIdBlock spelling(int i) {
        return AwareIdBlock.user(i % 2 == 0 ? "bob" : "BOB");
    }
}
