package org.openst.buddylist;

/** One channel's subscription to one user (or the server) under one ID form: an entry of the reverse index. */
final class Subscription {
    final ChannelState channel;
    final IdForm form;
    /**
     * True from the moment an ADD registered this subscription until that ADD sent its snapshot;
     * fan-outs skip it meanwhile and the ADD catches up afterwards ({@link PresenceEntry}).
     * Guarded by the owning entry.
     */
    boolean snapshotPending;

    Subscription(ChannelState channel, IdForm form) {
        this.channel = channel;
        this.form = form;
    }
}
