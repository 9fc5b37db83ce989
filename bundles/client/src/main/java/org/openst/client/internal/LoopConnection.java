package org.openst.client.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;

import org.openst.protocol.ErrorCode;
import org.openst.protocol.FrameDecoder;

/**
 * A {@link Connection} on a non-blocking channel served by one {@link IoLoop.Worker}: reads,
 * decoding and the handler's calls happen on that worker's thread. A write goes straight to the
 * socket from the writing thread; only what the socket does not take at once waits for the
 * worker.
 */
final class LoopConnection implements Connection {
    private static final System.Logger LOG = System.getLogger(LoopConnection.class.getName());

    private final SocketChannel channel;
    private final IoLoop.Worker worker;
    private final Handler handler;
    private final FrameDecoder decoder;
    private final FrameDispatch dispatch;
    private final Object writeLock = new Object();
    /** Bytes the socket did not take yet; guarded by writeLock. */
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile boolean closing;
    /** Set on the worker's thread. */
    private SelectionKey key;

    LoopConnection(SocketChannel channel, IoLoop.Worker worker, int maxFrameSize, Handler handler) {
        this.channel = channel;
        this.worker = worker;
        this.handler = handler;
        this.decoder = new FrameDecoder(maxFrameSize);
        this.dispatch = new FrameDispatch(handler);
    }

    @Override
    public void start() {
        worker.execute(() -> {
            if (worker.isStopping()) {
                finish(ErrorCode.CONNECTION_CLOSED, null);
                return;
            }
            try {
                key = channel.register(worker.selector, SelectionKey.OP_READ, this);
            } catch (ClosedChannelException e) {
                finish(ErrorCode.CONNECTION_CLOSED, null); // closed before it was registered
            }
        });
    }

    @Override
    public boolean isReaderThread() {
        return worker.inLoop();
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        synchronized (writeLock) {
            if (closing) {
                throw new IOException("connection closed");
            }
            ByteBuffer b = ByteBuffer.wrap(bytes);
            if (pending.isEmpty()) {
                channel.write(b);
                if (!b.hasRemaining()) {
                    return;
                }
                worker.execute(this::wantWrite);
            }
            pending.add(b);
        }
    }

    @Override
    public void close() {
        closing = true;
        closeChannel();
        worker.execute(() -> finish(ErrorCode.CONNECTION_CLOSED, null));
    }

    @Override
    public boolean isClosed() {
        return closing;
    }

    /** Worker: the socket has bytes, or its end. */
    void readable(ByteBuffer buf) {
        try {
            while (true) {
                buf.clear();
                int n = channel.read(buf);
                if (n < 0) {
                    finish(ErrorCode.CONNECTION_CLOSED, null);
                    return;
                }
                if (n == 0) {
                    return;
                }
                buf.flip();
                decoder.decode(buf, dispatch);
                if (dispatch.endReason != 0) {
                    finish(dispatch.endReason, dispatch.endCause);
                    return;
                }
                if (n < buf.capacity()) {
                    return; // drained; the selector tells when more comes
                }
            }
        } catch (IOException e) {
            // A channel closed by close() reads as an error too; that is a normal local close.
            finish(closing ? ErrorCode.CONNECTION_CLOSED : ErrorCode.CONNECTION_BROKEN, closing ? null : e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "reader failed", e);
            finish(ErrorCode.PROTOCOL_ERROR, e);
        }
    }

    /** Worker: the socket takes bytes again. */
    void writable() {
        synchronized (writeLock) {
            try {
                while (!pending.isEmpty()) {
                    ByteBuffer b = pending.peek();
                    channel.write(b);
                    if (b.hasRemaining()) {
                        return;
                    }
                    pending.poll();
                }
                key.interestOps(SelectionKey.OP_READ);
            } catch (IOException e) {
                pending.clear();
                finish(closing ? ErrorCode.CONNECTION_CLOSED : ErrorCode.CONNECTION_BROKEN, closing ? null : e);
            }
        }
    }

    /** Worker: the loop stops under this connection. */
    void closedByLoop() {
        closing = true;
        finish(ErrorCode.CONNECTION_CLOSED, null);
    }

    private void wantWrite() {
        if (key != null && key.isValid()) {
            key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
    }

    /** Worker: ends the connection and tells the handler, once. */
    private void finish(int reason, Throwable cause) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        closing = true;
        closeChannel();
        handler.ended(reason, cause);
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "close failed", e);
        }
    }
}
