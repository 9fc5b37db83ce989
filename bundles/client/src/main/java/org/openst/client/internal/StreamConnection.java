package org.openst.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;

import org.openst.protocol.ErrorCode;
import org.openst.protocol.FrameDecoder;

/**
 * A {@link Connection} on a blocking socket with a reader thread of its own: the default, for
 * clients that hold a few connections (tests, tools).
 */
final class StreamConnection implements Connection {
    private static final System.Logger LOG = System.getLogger(StreamConnection.class.getName());

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final FrameDecoder decoder;
    private final Thread reader;
    private final Object writeLock = new Object();
    private volatile boolean closing;

    /** @param readerThreads makes the reader thread; null for a daemon platform thread */
    StreamConnection(Socket socket, int maxFrameSize, Handler handler, java.util.concurrent.ThreadFactory readerThreads)
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

    @Override
    public void start() {
        reader.start();
    }

    @Override
    public boolean isReaderThread() {
        return Thread.currentThread() == reader;
    }

    /**
     * Writes bytes with a single write call, as Meanwhile does, so concurrent senders never
     * interleave inside a frame.
     */
    @Override
    public void write(byte[] bytes) throws IOException {
        synchronized (writeLock) {
            if (closing) {
                throw new IOException("connection closed");
            }
            out.write(bytes);
            out.flush();
        }
    }

    /** Closes the socket; the reader thread then ends. Idempotent. */
    @Override
    public void close() {
        closing = true;
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "close failed", e);
        }
    }

    @Override
    public boolean isClosed() {
        return closing;
    }

    private void readLoop(Handler handler) {
        byte[] buf = new byte[16 * 1024];
        FrameDispatch sink = new FrameDispatch(handler);
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
}
