package org.openst.hub.core.net;

import org.apache.mina.core.buffer.IoBuffer;
import org.openst.protocol.ChannelSend;
import org.openst.protocol.Message;
import org.openst.protocol.MessageCodec;
import org.openst.protocol.MessageType;

/**
 * Appends messages as frames (spec §2) to a connection's outbound buffer. CHANNEL_SEND, most of
 * what the hub writes, is put straight into the buffer (header, msg_type, opaque data: §2.1,
 * §3.9), with no intermediate array; other messages go through the protocol's encoder.
 */
final class FrameWriter {
    /** u32 length + u16 type + u16 options + u32 channel + u16 msg_type + u32 data length. */
    private static final int SEND_OVERHEAD = 4 + 8 + 2 + 4;

    private FrameWriter() {
    }

    static IoBuffer append(IoBuffer buf, Message m) {
        if (m instanceof ChannelSend s) {
            byte[] data = s.data();
            IoBuffer b = ensure(buf, SEND_OVERHEAD + data.length);
            b.putInt(SEND_OVERHEAD - 4 + data.length)
                    .putShort((short) MessageType.CHANNEL_SEND).putShort((short) s.options()).putInt(s.channel())
                    .putShort((short) s.msgType()).putInt(data.length).put(data);
            return b;
        }
        byte[] frame = MessageCodec.encodeFrame(m);
        return ensure(buf, frame.length).put(frame);
    }

    private static IoBuffer ensure(IoBuffer buf, int more) {
        if (buf == null) {
            return IoBuffer.allocate(Math.max(256, more)).setAutoExpand(true);
        }
        return buf;
    }
}
