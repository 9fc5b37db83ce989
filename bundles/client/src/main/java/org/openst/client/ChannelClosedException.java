package org.openst.client;

/**
 * A blocking receive found its channel closed and all queued messages consumed. The reason is
 * the one of the CHANNEL_DESTROY, or a local code when the session ended.
 */
public final class ChannelClosedException extends SametimeException {
    private static final long serialVersionUID = 1L;

    /** @param reason the close reason */
    public ChannelClosedException(int reason) {
        super("channel closed", reason);
    }
}
