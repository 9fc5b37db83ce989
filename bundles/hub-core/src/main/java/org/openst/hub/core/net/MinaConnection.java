package org.openst.hub.core.net;

import java.net.InetSocketAddress;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.openst.hub.core.Connection;
import org.openst.protocol.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client connection on MINA. Frames are appended to one outbound buffer and handed to MINA as
 * one write: at once when the sender is not a network thread, or, inside a {@link WriteBatch},
 * after the read that caused them, so that the frames one read sends to this client (a burst of
 * relayed messages, answers) cost one write call, not one each. Order is kept: frames are
 * appended and handed on under one lock.
 */
final class MinaConnection implements Connection {
    private static final Logger LOG = LoggerFactory.getLogger(MinaConnection.class);

    private final IoSession session;
    private final long maxQueuedBytes;
    /** Frames not yet handed to MINA; guarded by this. */
    private IoBuffer pending;
    /** Whether a batch will flush this connection; guarded by this. */
    private boolean inBatch;

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
        WriteBatch batch = WriteBatch.current();
        synchronized (this) {
            pending = FrameWriter.append(pending, message);
            if (inBatch) {
                return; // the batch that has this connection writes it
            }
            if (batch != null) {
                inBatch = true;
                batch.add(this);
                return;
            }
            writePending();
        }
    }

    /** Hands the queued frames to MINA (called by the batch at the end of a read). */
    void flush() {
        synchronized (this) {
            writePending();
        }
    }

    /** Under the lock: MINA's write only queues, it never calls back into this connection. */
    private void writePending() {
        IoBuffer out = pending;
        pending = null;
        inBatch = false;
        if (out != null && !session.isClosing()) {
            session.write(out.flip());
        }
    }

    @Override
    public void sendAndClose(Message message) {
        if (session.isClosing()) {
            return;
        }
        synchronized (this) {
            pending = FrameWriter.append(pending, message);
            IoBuffer out = pending.flip();
            pending = null;
            inBatch = false;
            session.write(out).addListener(f -> session.closeNow());
        }
    }

    @Override
    public void close() {
        flush(); // what was queued before the close still goes out
        session.closeOnFlush();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) session.getRemoteAddress();
    }
}
