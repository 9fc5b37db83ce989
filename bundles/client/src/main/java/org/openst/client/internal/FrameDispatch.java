package org.openst.client.internal;

import org.openst.protocol.ErrorCode;
import org.openst.protocol.FrameError;
import org.openst.protocol.FrameSink;
import org.openst.protocol.Message;
import org.openst.protocol.MessageCodec;
import org.openst.protocol.MessageType;
import org.openst.protocol.ProtocolException;

/**
 * Decodes the frames of one connection and hands the messages to its handler. A malformed known
 * message or an oversized frame records the reason the connection must end; the connection
 * checks {@link #endReason} after each read.
 */
final class FrameDispatch implements FrameSink {
    private static final System.Logger LOG = System.getLogger(FrameDispatch.class.getName());

    private final Connection.Handler handler;
    int endReason;
    Throwable endCause;

    FrameDispatch(Connection.Handler handler) {
        this.handler = handler;
    }

    @Override
    public void frame(byte[] body) {
        if (endReason != 0) {
            return;
        }
        Message m;
        try {
            m = MessageCodec.decode(body);
        } catch (ProtocolException e) {
            int type = body.length >= 2 ? ((body[0] & 0xFF) << 8) | (body[1] & 0xFF) : -1;
            if (type >= 0 && MessageType.name(type).startsWith("UNKNOWN")) {
                // Meanwhile logs and ignores message types it does not know (§2.1).
                LOG.log(System.Logger.Level.DEBUG, "ignoring unknown message type {0}", type);
                return;
            }
            // Unlike Meanwhile, which acts on half-parsed messages (§1.1), a test client must
            // make a malformed server message loud: end the session.
            endReason = ErrorCode.PROTOCOL_ERROR;
            endCause = e;
            return;
        }
        handler.message(m);
    }

    @Override
    public void failed(FrameError error) {
        endReason = ErrorCode.FAT_MESSAGE;
        endCause = new ProtocolException(error.detail());
    }
}
