package org.openst.hub.core;

/** Where a client connection stands in the login sequence (spec §8.1, seen from the server). */
public enum SessionState {
    /** Connected; waiting for HANDSHAKE. */
    AWAIT_HANDSHAKE,
    /** HANDSHAKE_ACK sent; waiting for LOGIN. */
    AWAIT_LOGIN,
    /** LOGIN received; credentials being verified off the network thread, later messages held. */
    AUTHENTICATING,
    /** Credentials good, LOGIN_REDIRECT sent; waiting for LOGIN_CONTINUE or the client leaving. */
    REDIRECTED,
    /** LOGIN_ACK sent: a live login. */
    LOGGED_IN,
    /** Torn down; nothing more happens. */
    CLOSED
}
