package org.openst.hub.core;

import java.util.concurrent.atomic.AtomicBoolean;

import org.openst.protocol.ChannelDestroy;

/**
 * A user-to-user channel (IM, file transfer) between two connections, spec §5.8. It sits in both
 * connections' channel tables: under the client's own ID on the creator's connection and under a
 * server-allocated ID (bit 31 set) on the target's.
 *
 * <p>Normally a relay: the hub never touches the payloads, so channel encryption stays end to
 * end. An IM channel created while an {@link org.openst.hub.api.ImObserver} is registered has an
 * {@link ImTermination} instead: the hub is the cipher end of both legs and re-encrypts in
 * between. Routing, accepts, destroys and teardown are the same for both.
 */
public final class RelayChannel implements Channel {
    private final ClientSession creator;
    private final int creatorChannelId;
    private final ClientSession target;
    private final int targetChannelId;
    private final int serviceType;
    private final ImTermination termination;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean accepted;

    /** @param termination the hub's cipher ends for a terminated IM channel, null for an end-to-end relay */
    RelayChannel(ClientSession creator, int creatorChannelId, ClientSession target, int targetChannelId,
            int serviceType, ImTermination termination) {
        this.creator = creator;
        this.creatorChannelId = creatorChannelId;
        this.target = target;
        this.targetChannelId = targetChannelId;
        this.serviceType = serviceType;
        this.termination = termination;
    }

    int serviceType() {
        return serviceType;
    }

    /** The hub's end of a terminated IM channel, or null when the payloads are relayed untouched. */
    ImTermination termination() {
        return termination;
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
