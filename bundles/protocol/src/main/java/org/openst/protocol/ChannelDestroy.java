package org.openst.protocol;

import java.util.Arrays;

/**
 * CHANNEL_DESTROY {@code 0x0003} (§3.10, both directions). On channel 0 it ends the session;
 * the server must then use a non-zero error reason. data is not copied.
 *
 * @param channel the channel to close; 0 = the whole session
 * @param reason 0 for a normal close, otherwise an {@link ErrorCode}
 * @param data optional (conferences put a text here); read as empty when absent
 */
public record ChannelDestroy(int channel, int reason, byte[] data) implements Message {

    /** Normalises null data. */
    public ChannelDestroy {
        data = Strings.orEmpty(data);
    }

    /**
     * @param channel the channel
     * @param reason the reason code
     * @return a destroy with empty data
     */
    public static ChannelDestroy of(int channel, int reason) {
        return new ChannelDestroy(channel, reason, new byte[0]);
    }

    @Override
    public int type() {
        return MessageType.CHANNEL_DESTROY;
    }

    static ChannelDestroy readBody(WireReader r, int channel) {
        int reason = r.u32();
        // Meanwhile always writes the opaque; tolerate its absence like its own reader (§1.1).
        byte[] data = r.remaining() == 0 ? new byte[0] : r.opq();
        return new ChannelDestroy(channel, reason, data);
    }

    void writeBody(WireWriter w) {
        w.u32(reason).opq(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelDestroy d && d.channel == channel && d.reason == reason
                && Arrays.equals(d.data, data);
    }

    @Override
    public int hashCode() {
        return (channel * 31 + reason) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ChannelDestroy[channel=0x" + Integer.toHexString(channel) + ", reason="
                + ErrorCode.name(reason) + ", data=" + Hex.brief(data) + "]";
    }
}
