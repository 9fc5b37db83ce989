package org.openst.client;

/**
 * The server ended the session during login with CHANNEL_DESTROY on channel 0 (§8.5); for
 * example reason {@code INCORRECT_LOGIN} {@code 0x80000211}.
 */
public final class LoginRefusedException extends SametimeException {
    private static final long serialVersionUID = 1L;

    /** @param reason the reason code of the channel-0 destroy */
    public LoginRefusedException(int reason) {
        super("login refused", reason);
    }
}
