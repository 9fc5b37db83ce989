package org.openst.protocol;

/**
 * LOGIN_CONTINUE {@code 0x0016} (§3.6, C→S): header only. The server must answer with a second
 * HANDSHAKE_ACK and then LOGIN_ACK.
 */
public record LoginContinue() implements Message {

    @Override
    public int type() {
        return MessageType.LOGIN_CONTINUE;
    }

    @Override
    public int channel() {
        return 0;
    }
}
