package org.openst.buddylist;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Tells one watcher what changed about a user, as that watcher may see it (privacy, §6.2.1) and
 * limited to the attribute keys it watches (§6.2.2).
 */
final class WatcherUpdates {
    private WatcherUpdates() {
    }

    /**
     * The messages about one user under one ID form, each encoded at most once: during a fan-out
     * every watcher that added the user with the same bytes gets the same byte array.
     */
    static final class FormPayloads {
        private final IdForm form;
        private final UserView now;
        private byte[] online;
        private byte[] offline;
        private Map<Integer, byte[]> sets;
        private Map<Integer, byte[]> unsets;

        FormPayloads(IdForm form, UserView now) {
            this.form = form;
            this.now = now;
        }

        byte[] update(boolean visible) {
            if (visible) {
                if (online == null) {
                    online = AwareMessages.update(form, now);
                }
                return online;
            }
            if (offline == null) {
                offline = AwareMessages.update(form, UserView.OFFLINE);
            }
            return offline;
        }

        byte[] set(int key) {
            if (sets == null) {
                sets = new HashMap<>();
            }
            return sets.computeIfAbsent(key, k -> AwareMessages.gotSet(form, k, now.attributes().get(k)));
        }

        byte[] unset(int key) {
            if (unsets == null) {
                unsets = new HashMap<>();
            }
            return unsets.computeIfAbsent(key, k -> AwareMessages.gotUnset(form, k));
        }
    }

    /**
     * Sends what differs between {@code before} and {@code now} for this subscription's watcher:
     * an AWARE_UPDATE when the presence it sees changed (including a change of visibility), then
     * OPT_GOT_SET / OPT_GOT_UNSET for each watched key whose visible value changed. A watcher that
     * sees the user offline before and after gets nothing.
     */
    static void sendDiff(Subscription sub, UserView before, UserView now, FormPayloads payloads) {
        ChannelState cs = sub.channel;
        boolean was = before.visibleTo(cs.watcherUserId);
        boolean is = now.visibleTo(cs.watcherUserId);
        if (was != is || is && !before.samePresence(now)) {
            cs.channel.send(AwareMessages.AWARE_UPDATE, payloads.update(is));
        }
        Set<Integer> watched = cs.watchKeys;
        if (!was && !is || watched.isEmpty()) {
            return;
        }
        Map<Integer, AttributeValue> old = was ? before.attributes() : Map.of();
        Map<Integer, AttributeValue> cur = is ? now.attributes() : Map.of();
        for (Map.Entry<Integer, AttributeValue> e : cur.entrySet()) {
            if (watched.contains(e.getKey()) && !e.getValue().equals(old.get(e.getKey()))) {
                cs.channel.send(AwareMessages.OPT_GOT_SET, payloads.set(e.getKey()));
            }
        }
        for (Integer key : old.keySet()) {
            if (watched.contains(key) && !cur.containsKey(key)) {
                cs.channel.send(AwareMessages.OPT_GOT_UNSET, payloads.unset(key));
            }
        }
    }

    /**
     * Sends OPT_GOT_SET for each of {@code keys} that {@code shown} has a value for: the current
     * values after an ADD or a WATCH (§6.2.2). Nothing for an offline or hidden user.
     */
    static void sendAttributes(ChannelState cs, IdForm form, UserView shown, Collection<Integer> keys) {
        if (!shown.online()) {
            return;
        }
        for (Map.Entry<Integer, AttributeValue> e : shown.attributes().entrySet()) {
            if (keys.contains(e.getKey())) {
                cs.channel.send(AwareMessages.OPT_GOT_SET, AwareMessages.gotSet(form, e.getKey(), e.getValue()));
            }
        }
    }
}
