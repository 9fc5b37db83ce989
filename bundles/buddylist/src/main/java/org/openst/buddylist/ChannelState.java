package org.openst.buddylist;

import java.util.LinkedHashSet;
import java.util.Set;

import org.openst.hub.api.ServiceChannel;

/**
 * One awareness channel's state (spec §6.2.1: "keep, per session, the set of subscribed
 * AwareIdBlocks").
 *
 * <p>The monitor of this object serialises everything that changes the channel's subscriptions
 * (ADD, REMOVE, WATCH, close); while holding it, code may take {@link PresenceEntry} monitors,
 * never the other way round.
 */
final class ChannelState {
    final ServiceChannel channel;
    /** The watcher's user ID, for privacy checks. */
    final String watcherUserId;
    /** Every subscribed ID form, groups included; guarded by this. */
    final Set<IdForm> subscribed = new LinkedHashSet<>();
    /** Guarded by this. */
    boolean closed;
    /**
     * The attribute keys this channel watches (OPT_WATCH); an immutable set, replaced as a whole
     * under this monitor and read without it by fan-outs.
     */
    volatile Set<Integer> watchKeys = Set.of();

    ChannelState(ServiceChannel channel) {
        this.channel = channel;
        this.watcherUserId = channel.login().userId();
    }

    /** "alice (login ID)" for logs. */
    String describe() {
        return watcherUserId + " (" + channel.login().loginId() + ")";
    }
}
