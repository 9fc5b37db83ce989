package org.openst.hub.core.net;

import java.io.IOException;
import java.util.concurrent.Executor;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioProcessor;
import org.apache.mina.transport.socket.nio.NioSession;

/**
 * MINA's NIO processor, changed so that the hub handles everything a client sent before its
 * connection broke.
 *
 * <p>Why: Pidgin closes its socket right after its last messages (the buddy-list SAVE, then the
 * logout, spec §8.2 #39–42). If the hub still had data in flight to it, the client's kernel
 * answers with a reset. MINA 2.2 then loses the client's last bytes in two ways:
 * <ul>
 * <li>{@code AbstractPollingIoProcessor.read(session)} reads in a loop into one buffer; when a
 * later read of the loop throws ("Connection reset"), the exception skips
 * {@code fireMessageReceived}, so the bytes the loop already read are dropped;</li>
 * <li>{@code writeBuffer} answers a failed write ("Broken pipe", "Connection reset") by closing
 * and removing the session at once, before the input still in the kernel was read.</li>
 * </ul>
 * Here a read error is the end of the input ({@code -1}): MINA delivers what was read, then
 * fires {@code inputClosed} (the hub closes the session). A write error drops the output, which
 * the peer cannot receive any more, and the input is read on as usual until the kernel has no
 * more of it, which then also counts as its end. The error is kept in {@link #BROKEN} for the log.
 *
 * <p>Public with an {@code Executor} constructor because MINA's {@code SimpleIoProcessorPool}
 * creates the processors reflectively.
 */
public final class DrainingNioProcessor extends NioProcessor {
    /** The I/O error that broke a session's connection, if one did. */
    static final AttributeKey BROKEN = new AttributeKey(DrainingNioProcessor.class, "broken");

    public DrainingNioProcessor(Executor executor) {
        super(executor);
    }

    @Override
    protected int read(NioSession session, IoBuffer buf) throws Exception {
        int read;
        try {
            read = super.read(session, buf);
        } catch (IOException e) {
            // Whatever earlier reads of this round put in buf is delivered before the close.
            session.setAttributeIfAbsent(BROKEN, e);
            return -1;
        }
        if (read == 0 && session.containsAttribute(BROKEN)) {
            return -1; // the output broke: all the input there is has been read, end it now
        }
        return read;
    }

    @Override
    protected int write(NioSession session, IoBuffer buf, int length) throws IOException {
        if (!session.containsAttribute(BROKEN)) {
            try {
                return super.write(session, buf, length);
            } catch (IOException e) {
                if (session.isReadSuspended()) {
                    throw e; // nothing would read the rest and close: let MINA close at once
                }
                session.setAttributeIfAbsent(BROKEN, e);
            }
        }
        // The peer cannot receive any more: drop the output as if written, so the write queue
        // drains, and let the read side deliver the pending input and close the session.
        int dropped = Math.min(length, buf.remaining());
        buf.position(buf.position() + dropped);
        return dropped;
    }

    /** The error that broke the session's connection, or null when none did. */
    static IOException failure(IoSession session) {
        return (IOException) session.getAttribute(BROKEN);
    }
}
