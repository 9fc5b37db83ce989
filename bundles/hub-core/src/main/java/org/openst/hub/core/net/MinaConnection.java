package org.openst.hub.core.net;

import java.net.InetSocketAddress;

import org.apache.mina.core.future.WriteFuture;
import org.apache.mina.core.session.IoSession;
import org.openst.hub.core.Connection;
import org.openst.protocol.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A client connection on MINA. */
final class MinaConnection implements Connection {
    private static final Logger LOG = LoggerFactory.getLogger(MinaConnection.class);

    private final IoSession session;
    private final long maxQueuedBytes;

    MinaConnection(IoSession session, long maxQueuedBytes) {
        this.session = session;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    @Override
    public void send(Message message) {
        if (session.isClosing()) {
            return;
        }
        if (session.getScheduledWriteBytes() > maxQueuedBytes) {
            // A client that stops reading must not make the hub hold its traffic without bound.
            LOG.warn("closing {}: more than {} bytes queued unread", session.getRemoteAddress(), maxQueuedBytes);
            session.closeNow();
            return;
        }
        session.write(message);
    }

    @Override
    public void sendAndClose(Message message) {
        if (session.isClosing()) {
            return;
        }
        WriteFuture written = session.write(message);
        written.addListener(f -> session.closeNow());
    }

    @Override
    public void close() {
        session.closeOnFlush();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) session.getRemoteAddress();
    }
}
