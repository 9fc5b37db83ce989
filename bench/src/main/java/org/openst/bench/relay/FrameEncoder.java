package org.openst.bench.relay;

import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolEncoder;
import org.apache.mina.filter.codec.ProtocolEncoderOutput;

/** Writes a frame body with its length (spec §2). */
final class FrameEncoder implements ProtocolEncoder {
    @Override
    public void encode(IoSession session, Object message, ProtocolEncoderOutput out) {
        out.write(BareRelay.frame((byte[]) message));
    }

    @Override
    public void dispose(IoSession session) {
    }
}
