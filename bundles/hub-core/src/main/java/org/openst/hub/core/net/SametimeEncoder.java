package org.openst.hub.core.net;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolEncoder;
import org.apache.mina.filter.codec.ProtocolEncoderOutput;
import org.openst.protocol.Message;
import org.openst.protocol.MessageCodec;

/** Stateless encoder shared by all connections: a {@code Message} becomes one length-prefixed frame. */
final class SametimeEncoder implements ProtocolEncoder {

    @Override
    public void encode(IoSession session, Object message, ProtocolEncoderOutput out) {
        out.write(IoBuffer.wrap(MessageCodec.encodeFrame((Message) message)));
    }

    @Override
    public void dispose(IoSession session) {
    }
}
