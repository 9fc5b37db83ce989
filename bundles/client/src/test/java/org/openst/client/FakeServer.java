package org.openst.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;

import org.openst.protocol.FrameDecoder;
import org.openst.protocol.FrameError;
import org.openst.protocol.FrameSink;
import org.openst.protocol.Message;
import org.openst.protocol.MessageCodec;

/**
 * A scripted server for client tests: a loopback ServerSocket whose accepted connection the test
 * drives frame by frame with the protocol codec. Every read has a deadline (socket timeout), so
 * a missing message fails the test instead of hanging it.
 */
final class FakeServer implements AutoCloseable {
    static final int READ_TIMEOUT_MS = 5_000;

    private final ServerSocket listen;

    FakeServer() throws IOException {
        listen = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        listen.setSoTimeout(READ_TIMEOUT_MS);
    }

    int port() {
        return listen.getLocalPort();
    }

    Peer accept() throws IOException {
        return new Peer(listen.accept());
    }

    @Override
    public void close() throws IOException {
        listen.close();
    }

    /** The server end of one client connection. */
    static final class Peer implements AutoCloseable, FrameSink {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final FrameDecoder decoder = new FrameDecoder(1 << 20);
        private final Deque<byte[]> frames = new ArrayDeque<>();

        Peer(Socket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(READ_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** @return the next frame body (header + payload), waiting up to the read timeout */
        byte[] readFrame() throws IOException {
            byte[] buf = new byte[8192];
            while (frames.isEmpty()) {
                int n = in.read(buf);
                if (n < 0) {
                    throw new IOException("client closed the connection");
                }
                decoder.decode(ByteBuffer.wrap(buf, 0, n), this);
            }
            return frames.poll();
        }

        Message read() throws IOException {
            return MessageCodec.decode(readFrame());
        }

        <T extends Message> T read(Class<T> type) throws IOException {
            Message m = read();
            if (!type.isInstance(m)) {
                throw new AssertionError("expected " + type.getSimpleName() + " but got " + m);
            }
            return type.cast(m);
        }

        /** The address the client connected from. */
        InetAddress clientAddress() {
            return socket.getInetAddress();
        }

        /** Reads until the client closes; fails if a frame arrives instead or time runs out. */
        void expectEof() throws IOException {
            try {
                byte[] buf = new byte[256];
                while (true) {
                    int n = in.read(buf);
                    if (n < 0) {
                        return;
                    }
                    decoder.decode(ByteBuffer.wrap(buf, 0, n), this);
                    if (!frames.isEmpty()) {
                        throw new AssertionError("expected EOF but got " + MessageCodec.decode(frames.poll()));
                    }
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("client did not close the connection", e);
            }
        }

        long keepalivesSeen() {
            return decoder.keepalivesSeen();
        }

        void send(Message m) throws IOException {
            out.write(MessageCodec.encodeFrame(m));
            out.flush();
        }

        void sendBytes(byte[] b) throws IOException {
            out.write(b);
            out.flush();
        }

        @Override
        public void frame(byte[] body) {
            frames.add(body);
        }

        @Override
        public void failed(FrameError error) {
            throw new AssertionError("client sent a bad frame: " + error);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
