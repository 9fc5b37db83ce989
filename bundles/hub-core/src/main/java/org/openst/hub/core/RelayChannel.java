package org.openst.hub.core;

import java.util.concurrent.atomic.AtomicBoolean;

import org.openst.protocol.ChannelDestroy;

/**
 * A user-to-user channel (IM, file transfer) relayed between two connections, spec §5.8 "Relay".
 * It sits in both connections' channel tables: under the client's own ID on the creator's
 * connection and under a server-allocated ID (bit 31 set) on the target's. The hub never touches
 * the payloads, so channel encryption stays end to end.
 */
public final class RelayChannel implements Channel {
    private final ClientSession creator;
    private final int creatorChannelId;
    private final ClientSession target;
    private final int targetChannelId;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean accepted;

    RelayChannel(ClientSession creator, int creatorChannelId, ClientSession target, int targetChannelId) {
        this.creator = creator;
        this.creatorChannelId = creatorChannelId;
        this.target = target;
        this.targetChannelId = targetChannelId;
    }

    ClientSession creator() {
        return creator;
    }

    int creatorChannelId() {
        return creatorChannelId;
    }

    ClientSession target() {
        return target;
    }

    int targetChannelId() {
        return targetChannelId;
    }

    /** The connection at the other end from {@code side}. */
    ClientSession peerOf(ClientSession side) {
        return side == creator ? target : creator;
    }

    /** The channel ID on the other end's connection. */
    int peerChannelIdOf(ClientSession side) {
        return side == creator ? targetChannelId : creatorChannelId;
    }

    boolean isAccepted() {
        return accepted;
    }

    /** Marks the target's accept; true only the first time. */
    boolean markAccepted() {
        if (accepted) {
            return false;
        }
        accepted = true;
        return true;
    }

    /** Claims the right to tear the relay down: true for exactly one caller. */
    boolean markClosed() {
        return closed.compareAndSet(false, true);
    }

    /**
     * Closes the relay as seen from {@code side}: the other end gets CHANNEL_DESTROY with this
     * reason and data (spec §5.8 step 4). Only the first close of either side has an effect.
     */
    void closeFrom(ClientSession side, int reason, byte[] data) {
        if (markClosed()) {
            side.forgetChannel(side == creator ? creatorChannelId : targetChannelId, this);
            ClientSession peer = peerOf(side);
            int peerId = peerChannelIdOf(side);
            if (peer.forgetChannel(peerId, this)) {
                peer.send(new ChannelDestroy(peerId, reason, data == null ? new byte[0] : data));
            }
        }
    }
}
