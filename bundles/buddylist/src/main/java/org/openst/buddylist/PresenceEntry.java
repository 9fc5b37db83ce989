package org.openst.buddylist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One user (or the community server) in the reverse index: the view last published about them and
 * every subscription to them, grouped by the exact ID bytes each channel used.
 *
 * <p>Ordering. Everything sent about this user to anyone is sent while holding this entry's
 * monitor, and the view is recomputed from the live community under it, so one watcher receives
 * this user's messages in the order the views were computed: a newer state is never overtaken by
 * an older one. The one exception is an ADD's snapshot, which covers many users in one message and
 * is sent after their monitors are released; for that window the subscription is marked
 * {@link Subscription#snapshotPending}, fan-outs skip it, and after sending the snapshot the ADD
 * calls {@link #catchUp}, which sends the difference between the view in the snapshot and the
 * current one. So an UPDATE is never followed by an older snapshot for the same user.
 */
final class PresenceEntry {
    /** Index key: the lower-case user ID, or null for the server. */
    final String key;
    private final UnaryOperator<UserView> source;
    private final Map<IdForm, Map<ChannelState, Subscription>> watchers = new LinkedHashMap<>();
    // Guarded by this:
    private UserView view;
    private long version;
    private int size;
    /** Set when the entry left the index; a thread that fetched it before must fetch again. */
    private boolean removed;

    /**
     * @param source computes the current view from the live community, given the previous one
     *               (null the first time)
     */
    PresenceEntry(String key, UnaryOperator<UserView> source) {
        this.key = key;
        this.source = source;
    }

    /** What an ADD saw when it registered: the view its snapshot shows and that view's version. */
    record Registration(PresenceEntry entry, Subscription subscription, UserView view, long version) {
    }

    /**
     * Registers a subscription (idempotent) and marks its snapshot pending.
     *
     * @return null when the entry has left the index (the caller fetches a fresh one)
     */
    synchronized Registration subscribe(IdForm form, ChannelState cs) {
        if (removed) {
            return null;
        }
        if (view == null) {
            view = source.apply(null);
        }
        Map<ChannelState, Subscription> forForm = watchers.computeIfAbsent(form, f -> new LinkedHashMap<>());
        Subscription sub = forForm.get(cs);
        if (sub == null) {
            sub = new Subscription(cs, form);
            forForm.put(cs, sub);
            size++;
        }
        sub.snapshotPending = true;
        return new Registration(this, sub, view, version);
    }

    /**
     * Removes a subscription.
     *
     * @param removable whether an entry left empty leaves the index
     * @return true when the entry is now empty and marked removed
     */
    synchronized boolean unsubscribe(IdForm form, ChannelState cs, boolean removable) {
        Map<ChannelState, Subscription> forForm = watchers.get(form);
        if (forForm != null && forForm.remove(cs) != null) {
            size--;
            if (forForm.isEmpty()) {
                watchers.remove(form);
            }
        }
        if (removable && size == 0 && !removed) {
            removed = true;
            return true;
        }
        return false;
    }

    /**
     * Recomputes the view and sends each subscriber what changed for them (one map walk; each
     * message encoded once per ID form).
     *
     * @return channels found closed on the way, for the caller to drop outside this monitor
     */
    synchronized List<ChannelState> publish() {
        if (removed || view == null) {
            return List.of();
        }
        UserView before = view;
        UserView now = source.apply(before);
        if (now.equals(before)) {
            return List.of();
        }
        view = now;
        version++;
        List<ChannelState> dead = null;
        for (Map.Entry<IdForm, Map<ChannelState, Subscription>> e : watchers.entrySet()) {
            WatcherUpdates.FormPayloads payloads = new WatcherUpdates.FormPayloads(e.getKey(), now);
            for (Subscription sub : e.getValue().values()) {
                if (!sub.channel.channel.isOpen()) {
                    if (dead == null) {
                        dead = new ArrayList<>();
                    }
                    dead.add(sub.channel);
                } else if (!sub.snapshotPending) {
                    WatcherUpdates.sendDiff(sub, before, now, payloads);
                }
            }
        }
        return dead == null ? List.of() : dead;
    }

    /** After an ADD sent its snapshot: ends the pending window and sends what changed since. */
    synchronized void catchUp(Registration r) {
        Subscription sub = r.subscription();
        sub.snapshotPending = false;
        Map<ChannelState, Subscription> forForm = watchers.get(sub.form);
        if (forForm == null || forForm.get(sub.channel) != sub || version == r.version()) {
            return;
        }
        WatcherUpdates.sendDiff(sub, r.view(), view, new WatcherUpdates.FormPayloads(sub.form, view));
    }

    /** After a WATCH: the current values of newly watched keys, for one subscription. */
    synchronized void sendAttributes(IdForm form, ChannelState cs, Collection<Integer> keys) {
        Map<ChannelState, Subscription> forForm = watchers.get(form);
        Subscription sub = forForm == null ? null : forForm.get(cs);
        if (sub == null || sub.snapshotPending) {
            return;
        }
        WatcherUpdates.sendAttributes(cs, form, view.shownTo(cs.watcherUserId), keys);
    }

    /** How many subscriptions; for tests and logs. */
    synchronized int size() {
        return size;
    }
}
