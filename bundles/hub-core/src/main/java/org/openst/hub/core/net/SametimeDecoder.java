package org.openst.hub.core.net;

import java.util.function.IntSupplier;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolDecoder;
import org.apache.mina.filter.codec.ProtocolDecoderOutput;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.FrameDecoder;
import org.openst.protocol.FrameError;
import org.openst.protocol.FrameSink;
import org.openst.protocol.MessageCodec;
import org.openst.protocol.ProtocolException;

/**
 * MINA adapter around the protocol's {@link FrameDecoder}: frames in, {@code Message}s out. One
 * instance serves all connections (MINA shares it); the per-connection state lives in a session
 * attribute. After the first bad frame it emits one {@link InboundError} and drops the rest of the
 * connection's input.
 */
final class SametimeDecoder implements ProtocolDecoder {
    private static final AttributeKey STATE = new AttributeKey(SametimeDecoder.class, "state");

    /** Read per new connection, so a changed limit applies to new connections at once. */
    private final IntSupplier maxFrameSize;

    SametimeDecoder(IntSupplier maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
    }

    /** Per-connection decoding state. */
    private static final class State implements FrameSink {
        final FrameDecoder frames;
        ProtocolDecoderOutput out;
        boolean failed;

        State(int maxFrameSize) {
            frames = new FrameDecoder(maxFrameSize);
        }

        @Override
        public void frame(byte[] body) {
            if (failed) {
                return;
            }
            try {
                out.write(MessageCodec.decode(body));
            } catch (ProtocolException e) {
                failed = true;
                out.write(new InboundError(ErrorCode.PROTOCOL_ERROR, "malformed message: " + e.getMessage()));
            }
        }

        @Override
        public void failed(FrameError error) {
            failed = true;
            out.write(new InboundError(ErrorCode.FAT_MESSAGE, error.detail()));
        }
    }

    @Override
    public void decode(IoSession session, IoBuffer in, ProtocolDecoderOutput out) {
        State state = (State) session.getAttribute(STATE);
        if (state == null) {
            state = new State(maxFrameSize.getAsInt());
            session.setAttribute(STATE, state);
        }
        if (state.failed) {
            in.position(in.limit());
            return;
        }
        state.out = out;
        state.frames.decode(in.buf(), state);
    }

    @Override
    public void finishDecode(IoSession session, ProtocolDecoderOutput out) {
        // A partial frame at close is simply dropped: the client went away mid-message.
    }

    @Override
    public void dispose(IoSession session) {
        session.removeAttribute(STATE);
    }
}
