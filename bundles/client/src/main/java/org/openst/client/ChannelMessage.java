package org.openst.client;

import java.util.Arrays;

import org.openst.protocol.Hex;

/**
 * One service message received on a channel (CHANNEL_SEND, §3.9), already decrypted if the
 * channel has a cipher.
 *
 * @param msgType the service-specific message type
 * @param data the message body; never null
 */
public record ChannelMessage(int msgType, byte[] data) {

    /**
     * Copies {@code data} so the record stays immutable; null becomes empty.
     *
     * @param msgType the service-specific message type
     * @param data the message body
     */
    public ChannelMessage {
        data = data == null ? new byte[0] : data.clone();
    }

    /** @return a copy of the body */
    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelMessage m && m.msgType == msgType && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * msgType + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return String.format("ChannelMessage[msgType=0x%04X, data=%s]", msgType, Hex.brief(data));
    }
}
