package org.openst.client;

/**
 * A channel this client created was answered with CHANNEL_DESTROY instead of CHANNEL_ACCEPT
 * (§5.3), e.g. {@code ERR_NO_USER} for an IM to a user who is not online. Also thrown when the
 * accept was unusable (a cipher that was not offered: {@code ERR_REQUEST_INVALID}, as Meanwhile
 * decides) or the session ended while waiting.
 */
public final class ChannelRefusedException extends SametimeException {
    private static final long serialVersionUID = 1L;

    /** @param reason the reason code of the destroy */
    public ChannelRefusedException(int reason) {
        super("channel refused", reason);
    }

    /**
     * @param what a description of the refusal
     * @param reason the reason code
     */
    public ChannelRefusedException(String what, int reason) {
        super(what, reason);
    }
}
