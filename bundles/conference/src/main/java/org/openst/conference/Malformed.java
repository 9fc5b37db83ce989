package org.openst.conference;

/** A conference message or creation block the service cannot read; the message says why, for the log. */
final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
        super(message);
    }
}
