package org.openst.hub.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import org.openst.protocol.FrameDecoder;
import org.openst.protocol.FrameError;
import org.openst.protocol.FrameSink;
import org.openst.protocol.Message;
import org.openst.protocol.MessageCodec;

/**
 * A bare socket speaking frames, for tests that must send what no well-behaved client would.
 * Reads with deadlines; never sleeps.
 */
final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final FrameDecoder frames = new FrameDecoder(1 << 20);
    private final Deque<Message> received = new ArrayDeque<>();

    RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        // Every frame leaves at once (no Nagle delay), so what a test sent is on the wire before
        // whatever it does next: a reset() otherwise discards frames still held back.
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    RawClient send(Message m) throws IOException {
        out.write(MessageCodec.encodeFrame(m));
        out.flush();
        return this;
    }

    RawClient sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** The next message, or an AssertionError after the timeout or at end of stream. */
    Message next(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.isEmpty()) {
            if (!readSome(deadline)) {
                throw new AssertionError("connection closed while waiting for a message");
            }
        }
        return received.poll();
    }

    /** The next message of a type, skipping others. */
    <T extends Message> T next(Class<T> type, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Message m = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (type.isInstance(m)) {
                return type.cast(m);
            }
        }
    }

    /** Waits until the server closed the connection; returns what it sent before. */
    Deque<Message> awaitClosed(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (readSome(deadline)) {
            // keep reading until end of stream
        }
        return received;
    }

    private boolean readSome(long deadline) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new AssertionError("timed out");
        }
        socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
        byte[] buf = new byte[8192];
        int n;
        try {
            n = in.read(buf);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("timed out waiting for the server");
        } catch (IOException e) {
            return false; // reset by peer counts as closed
        }
        if (n < 0) {
            return false;
        }
        frames.decode(ByteBuffer.wrap(buf, 0, n), new FrameSink() {
            @Override
            public void frame(byte[] body) {
                received.add(MessageCodec.decode(body));
            }

            @Override
            public void failed(FrameError error) {
                throw new AssertionError("server sent a bad frame: " + error);
            }
        });
        return true;
    }

    /** Closes the sending side only (FIN): the server sees the end of the input and may still answer. */
    void halfClose() throws IOException {
        socket.shutdownOutput();
    }

    /**
     * Closes the connection with a reset (SO_LINGER 0), as a client's kernel does when the client
     * closes with unread data in its socket (Pidgin right after its logout).
     */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
