package org.openst.client.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.openst.client.ChannelRefusedException;
import org.openst.protocol.ChannelAccept;
import org.openst.protocol.ChannelSend;

/**
 * State shared by IM and service channels: the ID, "opened" (completed by the accept of an
 * outgoing channel, or by our accept of an incoming one) and a once-only close.
 *
 * <p>Events from the wire ({@code on...}) arrive on the reader thread only; closes may come
 * from any thread and are made idempotent by {@link #markClosed}.
 */
abstract class ChannelBase {
    final ClientSession session;
    final int id;
    /** Completes when the channel becomes usable; fails with the refusal or session end. */
    final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private volatile int closeReason;

    ChannelBase(ClientSession session, int id) {
        this.session = session;
        this.id = id;
    }

    /** CHANNEL_ACCEPT for this channel (reader thread). */
    abstract void onAccept(ChannelAccept accept);

    /** CHANNEL_SEND for this channel (reader thread). */
    abstract void onSend(ChannelSend send);

    /** Hook after the first close, whatever its origin (e.g. wake receivers). */
    void afterClose(int reason) {
    }

    /** Hook for closes not made through the public API: destroy from the far side or session end. */
    void closedByOtherSide(int reason) {
    }

    /** CHANNEL_DESTROY from the server (reader thread). */
    final void onRemoteDestroy(int reason) {
        if (markClosed(reason)) {
            closedByOtherSide(reason);
        }
    }

    /** The session ended (reader thread, or a user thread racing a new channel with the end). */
    final void onSessionEnd(int reason) {
        if (markClosed(reason)) {
            closedByOtherSide(reason);
        }
    }

    /** A close requested through the public API: sends CHANNEL_DESTROY once. */
    final void closeLocally(int reason, byte[] data) {
        if (markClosed(reason)) {
            session.destroy(this, reason, data);
        }
    }

    /**
     * The server broke a rule on this channel (§5.3): destroy it like Meanwhile would and tell
     * the application, as for a remote close.
     */
    final void closeForViolation(int reason) {
        if (markClosed(reason)) {
            session.destroy(this, reason, null);
            closedByOtherSide(reason);
        }
    }

    final boolean isClosed() {
        return closed.get();
    }

    final int closeReason() {
        return closeReason;
    }

    final CountDownLatch closedLatch() {
        return closedLatch;
    }

    /** True once opened and until closed. */
    final boolean isOpenNow() {
        return opened.isDone() && !opened.isCompletedExceptionally() && !closed.get();
    }

    private boolean markClosed(int reason) {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        closeReason = reason;
        session.forget(this);
        // No-op when already opened; otherwise this is the refusal openIm()/accept() report.
        opened.completeExceptionally(new ChannelRefusedException(reason));
        afterClose(reason);
        closedLatch.countDown();
        return true;
    }
}
