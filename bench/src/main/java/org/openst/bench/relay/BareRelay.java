package org.openst.bench.relay;

import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.openst.protocol.Admin;
import org.openst.protocol.Message;
import org.openst.protocol.MessageCodec;
import org.openst.protocol.ProtocolException;

/**
 * The ceiling: the same network stack as the hub (MINA NIO, TCP_NODELAY, the protocol module's
 * frame decoder, as many I/O threads as the hub, and like the hub one write per destination per
 * read: the frames of one read are collected per partner and written once after it) and no hub
 * logic. A frame read from one connection is written to its partner's connection unchanged.
 *
 * <p>Pairing, its only logic: the first frame of a connection is an ADMIN message {@code PAIR
 * <key>} (a message the client library decodes, so its peers are plain clients); the second
 * connection with the same key is linked with the first and both get an ADMIN {@code PAIRED}.
 *
 * <pre>java -cp ... org.openst.bench.relay.BareRelay &lt;bind address&gt; &lt;port&gt; [io threads]</pre>
 * It prints {@code listening <port>} when ready and runs until killed.
 */
public final class BareRelay {
    private static final AttributeKey PEER = new AttributeKey(BareRelay.class, "peer");
    private static final byte[] PAIRED = MessageCodec.encode(new Admin("PAIRED"));

    private final ConcurrentHashMap<String, IoSession> waiting = new ConcurrentHashMap<>();
    private final NioSocketAcceptor acceptor;

    public BareRelay(int ioThreads) {
        acceptor = new NioSocketAcceptor(ioThreads);
        acceptor.setReuseAddress(true);
        acceptor.getSessionConfig().setTcpNoDelay(true); // as the hub
        acceptor.getFilterChain().addLast("batch", new Batching());
        acceptor.getFilterChain().addLast("frames", new ProtocolCodecFilter(new FrameEncoder(), new FrameSplitter()));
        acceptor.setHandler(new IoHandlerAdapter() {
            @Override
            public void messageReceived(IoSession session, Object message) {
                byte[] body = (byte[]) message;
                Outbound peer = (Outbound) session.getAttribute(PEER);
                if (peer != null) {
                    peer.add(body);
                } else {
                    pair(session, body);
                }
            }

            @Override
            public void sessionClosed(IoSession session) {
                Outbound peer = (Outbound) session.getAttribute(PEER);
                if (peer != null) {
                    peer.session.closeOnFlush();
                }
                waiting.values().remove(session);
            }

            @Override
            public void exceptionCaught(IoSession session, Throwable cause) {
                session.closeNow();
            }
        });
    }

    private void pair(IoSession session, byte[] body) {
        Message hello;
        try {
            hello = MessageCodec.decode(body);
        } catch (ProtocolException e) {
            hello = null;
        }
        if (!(hello instanceof Admin a) || !a.text().startsWith("PAIR ")) {
            session.closeNow();
            return;
        }
        String key = a.text().substring(5);
        IoSession other = waiting.remove(key);
        if (other == null) {
            IoSession raced = waiting.putIfAbsent(key, session);
            if (raced == null) {
                return;
            }
            waiting.remove(key, raced);
            other = raced;
        }
        session.setAttribute(PEER, new Outbound(other));
        other.setAttribute(PEER, new Outbound(session));
        other.write(PAIRED);
        session.write(PAIRED);
    }

    public int bind(String address, int port) throws java.io.IOException {
        acceptor.bind(new InetSocketAddress(address, port));
        return ((InetSocketAddress) acceptor.getLocalAddress()).getPort();
    }

    public static void main(String[] args) throws Exception {
        String address = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors() + 1;
        BareRelay relay = new BareRelay(threads);
        System.out.println("listening " + relay.bind(address, port));
        System.out.flush();
        Thread.currentThread().join();
    }

    /** The frames one read sends to one connection, written once at the end of the read. */
    static final class Outbound {
        final IoSession session;
        private IoBuffer pending;
        private boolean inBatch;

        Outbound(IoSession session) {
            this.session = session;
        }

        synchronized void add(byte[] body) {
            if (pending == null) {
                pending = IoBuffer.allocate(Math.max(256, 4 + body.length)).setAutoExpand(true);
            }
            pending.putInt(body.length).put(body);
            if (!inBatch) {
                inBatch = true;
                BATCH.get().add(this);
            }
        }

        synchronized void flush() {
            inBatch = false;
            if (pending != null) {
                session.write(pending.flip());
                pending = null;
            }
        }
    }

    /** Per I/O thread: the partners that got frames during the current read. */
    private static final ThreadLocal<java.util.List<Outbound>> BATCH = ThreadLocal.withInitial(java.util.ArrayList::new);

    /** Runs one read through the chain, then flushes the partners it wrote to. */
    static final class Batching extends org.apache.mina.core.filterchain.IoFilterAdapter {
        @Override
        public void messageReceived(NextFilter next, IoSession session, Object message) throws Exception {
            try {
                next.messageReceived(session, message);
            } finally {
                java.util.List<Outbound> dirty = BATCH.get();
                for (int i = 0; i < dirty.size(); i++) {
                    dirty.get(i).flush();
                }
                dirty.clear();
            }
        }
    }

    /** A frame body becomes {@code u32 length + body}. */
    static IoBuffer frame(byte[] body) {
        IoBuffer buf = IoBuffer.allocate(4 + body.length);
        buf.putInt(body.length).put(body).flip();
        return buf;
    }
}
