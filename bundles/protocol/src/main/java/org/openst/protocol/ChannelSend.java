package org.openst.protocol;

import java.util.Arrays;

/**
 * CHANNEL_SEND {@code 0x0004} (§3.9, both directions). data is not copied.
 *
 * <p>options is the header's option field. {@link HeaderOption#HAS_ATTRIBS} is stripped: the
 * codec drops attributes on decode (§2.1) and never writes them.
 *
 * @param channel the channel
 * @param options header options; {@link HeaderOption#ENCRYPT} marks encrypted data (§5.7); u16
 * @param msgType service-specific message type (never encrypted); u16
 * @param data the service message, or its ciphertext when encrypted; null becomes empty
 */
public record ChannelSend(int channel, int options, int msgType, byte[] data) implements Message {

    /** Normalises null data and the u16 fields. */
    public ChannelSend {
        options &= 0xFFFF & ~HeaderOption.HAS_ATTRIBS;
        msgType &= 0xFFFF;
        data = Strings.orEmpty(data);
    }

    /**
     * @param channel the channel
     * @param msgType message type
     * @param data plain data
     * @return an unencrypted send (options 0)
     */
    public static ChannelSend plain(int channel, int msgType, byte[] data) {
        return new ChannelSend(channel, 0, msgType, data);
    }

    /** @return whether the ENCRYPT option is set, i.e. data is ciphertext (§5.7) */
    public boolean encrypted() {
        return (options & HeaderOption.ENCRYPT) != 0;
    }

    @Override
    public int type() {
        return MessageType.CHANNEL_SEND;
    }

    static ChannelSend readBody(WireReader r, int channel, int options) {
        int msgType = r.u16();
        return new ChannelSend(channel, options, msgType, r.opq());
    }

    void writeBody(WireWriter w) {
        w.u16(msgType).opq(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelSend s && s.channel == channel && s.options == options
                && s.msgType == msgType && Arrays.equals(s.data, data);
    }

    @Override
    public int hashCode() {
        return ((channel * 31 + options) * 31 + msgType) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ChannelSend[channel=0x" + Integer.toHexString(channel) + ", options=0x"
                + Integer.toHexString(options) + ", msgType=0x" + Integer.toHexString(msgType)
                + ", data=" + Hex.brief(data) + "]";
    }
}
