package org.openst.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;

import org.openst.protocol.ErrorCode;
import org.openst.protocol.FrameDecoder;
import org.openst.protocol.FrameError;
import org.openst.protocol.FrameSink;
import org.openst.protocol.Message;
import org.openst.protocol.MessageCodec;
import org.openst.protocol.MessageType;
import org.openst.protocol.ProtocolException;

/**
 * One TCP connection: serialised frame writes and a reader thread that decodes frames (§2) and
 * hands each message to the {@link Handler}. Knows nothing about sessions or channels.
 */
final class Connection {

    /** What the reader thread reports. Called only from the reader thread. */
    interface Handler {
        /** A decoded message. */
        void message(Message m);

        /** The stream ended; called once, with the local reason code for it. */
        void ended(int reason, Throwable cause);
    }

    private static final System.Logger LOG = System.getLogger(Connection.class.getName());

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final FrameDecoder decoder;
    private final Thread reader;
    private final Object writeLock = new Object();
    private volatile boolean closing;

    /** @param readerThreads makes the reader thread; null for a daemon platform thread */
    Connection(Socket socket, int maxFrameSize, Handler handler, java.util.concurrent.ThreadFactory readerThreads)
            throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
        this.decoder = new FrameDecoder(maxFrameSize);
        String name = "openst-client-reader " + socket.getRemoteSocketAddress();
        Runnable loop = () -> readLoop(handler);
        if (readerThreads == null) {
            this.reader = new Thread(loop, name);
            // Daemon: a forgotten client must not keep the JVM (a test run, a tool) alive.
            this.reader.setDaemon(true);
        } else {
            this.reader = readerThreads.newThread(loop);
            this.reader.setName(name);
        }
    }

    void start() {
        reader.start();
    }

    boolean isReaderThread() {
        return Thread.currentThread() == reader;
    }

    /** Encodes and writes one message as one frame. */
    void send(Message m) throws IOException {
        write(MessageCodec.encodeFrame(m));
    }

    /**
     * Writes bytes with a single write call, as Meanwhile does, so concurrent senders never
     * interleave inside a frame.
     */
    void write(byte[] bytes) throws IOException {
        synchronized (writeLock) {
            if (closing) {
                throw new IOException("connection closed");
            }
            out.write(bytes);
            out.flush();
        }
    }

    /** Closes the socket; the reader thread then ends. Idempotent. */
    void close() {
        closing = true;
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "close failed", e);
        }
    }

    boolean isClosed() {
        return closing;
    }

    private void readLoop(Handler handler) {
        byte[] buf = new byte[16 * 1024];
        Sink sink = new Sink(handler);
        int reason = ErrorCode.CONNECTION_CLOSED;
        Throwable cause = null;
        try {
            while (sink.endReason == 0) {
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                decoder.decode(ByteBuffer.wrap(buf, 0, n), sink);
            }
            if (sink.endReason != 0) {
                reason = sink.endReason;
                cause = sink.endCause;
            }
        } catch (IOException e) {
            // A socket closed by close() reads as an error too; that is a normal local close.
            if (!closing) {
                reason = ErrorCode.CONNECTION_BROKEN;
                cause = e;
            }
        } catch (RuntimeException e) {
            reason = ErrorCode.PROTOCOL_ERROR;
            cause = e;
            LOG.log(System.Logger.Level.WARNING, "reader failed", e);
        } finally {
            close();
            handler.ended(reason, cause);
        }
    }

    /** Decodes frames; malformed known messages and oversized frames end the connection. */
    private static final class Sink implements FrameSink {
        private final Handler handler;
        int endReason;
        Throwable endCause;

        Sink(Handler handler) {
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
}
