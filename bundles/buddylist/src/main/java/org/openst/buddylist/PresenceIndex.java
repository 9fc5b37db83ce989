package org.openst.buddylist;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The reverse index: user ID (lower case) → {@link PresenceEntry} holding every channel subscribed
 * to that user with the exact ID bytes it used. A presence change is one map look-up plus one send
 * per subscriber, whatever the number of sessions; a user nobody watches costs one failed look-up.
 * Entries exist only while someone subscribes; the server's entry always exists.
 */
final class PresenceIndex {
    private final ConcurrentHashMap<String, PresenceEntry> users = new ConcurrentHashMap<>();
    private final PresenceEntry server;
    private final Function<String, UnaryOperator<UserView>> userSource;

    /**
     * @param userSource for a user ID, how to compute that user's view
     * @param serverSource how to compute the server's view
     */
    PresenceIndex(Function<String, UnaryOperator<UserView>> userSource, UnaryOperator<UserView> serverSource) {
        this.userSource = userSource;
        this.server = new PresenceEntry(null, serverSource);
    }

    /** Subscribes a channel to the user a type-2 form names. */
    PresenceEntry.Registration subscribeUser(IdForm form, ChannelState cs) {
        String key = form.userKey();
        String userId = form.id().user();
        while (true) {
            PresenceEntry e = users.computeIfAbsent(key, k -> new PresenceEntry(k, userSource.apply(userId)));
            PresenceEntry.Registration r = e.subscribe(form, cs);
            if (r != null) {
                return r;
            }
            // The entry was emptied and removed between the look-up and the subscribe: retry.
            users.remove(key, e);
        }
    }

    PresenceEntry.Registration subscribeServer(IdForm form, ChannelState cs) {
        return server.subscribe(form, cs);
    }

    void unsubscribeUser(IdForm form, ChannelState cs) {
        String key = form.userKey();
        PresenceEntry e = users.get(key);
        if (e != null && e.unsubscribe(form, cs, true)) {
            users.remove(key, e);
        }
    }

    void unsubscribeServer(IdForm form, ChannelState cs) {
        server.unsubscribe(form, cs, false);
    }

    /** The entry of a user, or null when nobody subscribes to them. */
    PresenceEntry user(String userId) {
        return users.get(userId.toLowerCase(Locale.ROOT));
    }

    PresenceEntry server() {
        return server;
    }

    /** Recomputes and publishes a user's view, if anybody watches them. */
    List<ChannelState> publishUser(String userId) {
        PresenceEntry e = user(userId);
        return e == null ? List.of() : e.publish();
    }

    /** How many users are watched; for tests. */
    int watchedUsers() {
        return users.size();
    }
}
