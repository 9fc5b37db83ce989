package org.openst.bench.relay;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolDecoder;
import org.apache.mina.filter.codec.ProtocolDecoderOutput;
import org.openst.protocol.FrameDecoder;
import org.openst.protocol.FrameError;
import org.openst.protocol.FrameSink;

/** Splits a connection's bytes into frame bodies with the protocol's {@link FrameDecoder}, as the hub does. */
final class FrameSplitter implements ProtocolDecoder {
    private static final AttributeKey STATE = new AttributeKey(FrameSplitter.class, "state");

    private static final class State implements FrameSink {
        final FrameDecoder frames = new FrameDecoder(1 << 20);
        ProtocolDecoderOutput out;
        IoSession session;

        @Override
        public void frame(byte[] body) {
            out.write(body);
        }

        @Override
        public void failed(FrameError error) {
            session.closeNow();
        }
    }

    @Override
    public void decode(IoSession session, IoBuffer in, ProtocolDecoderOutput out) {
        State state = (State) session.getAttribute(STATE);
        if (state == null) {
            state = new State();
            state.session = session;
            session.setAttribute(STATE, state);
        }
        state.out = out;
        state.frames.decode(in.buf(), state);
    }

    @Override
    public void finishDecode(IoSession session, ProtocolDecoderOutput out) {
    }

    @Override
    public void dispose(IoSession session) {
        session.removeAttribute(STATE);
    }
}
