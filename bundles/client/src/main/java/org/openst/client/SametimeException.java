package org.openst.client;

import java.io.IOException;

import org.openst.protocol.ErrorCode;

/**
 * A refusal or close that the server (or the peer behind it) expressed with a Sametime reason
 * code (§7.2). The message contains the code in hex and its symbolic name.
 */
public class SametimeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The reason code as received. */
    private final int reason;

    /**
     * @param what what was refused, e.g. "login refused"
     * @param reason the reason code from the wire
     */
    public SametimeException(String what, int reason) {
        super(String.format("%s: 0x%08X %s", what, reason, ErrorCode.name(reason)));
        this.reason = reason;
    }

    /** @return the reason code as sent on the wire (compare with {@link ErrorCode} constants) */
    public int reason() {
        return reason;
    }

    /** @return the symbolic name of {@link #reason()}, e.g. {@code INCORRECT_LOGIN} */
    public String reasonName() {
        return ErrorCode.name(reason);
    }
}
