package org.openst.client.internal;

import java.io.IOException;

import org.openst.protocol.Message;
import org.openst.protocol.MessageCodec;

/**
 * One TCP connection: serialised frame writes, and decoded frames (§2) handed to the {@link
 * Handler} on the connection's reader thread. Knows nothing about sessions or channels. Two
 * kinds: {@link StreamConnection} (a thread per connection) and {@link LoopConnection} (served
 * by a shared {@link IoLoop}).
 */
interface Connection {

    /** What the reader thread reports. Called only from the reader thread. */
    interface Handler {
        /** A decoded message. */
        void message(Message m);

        /** The stream ended; called once, with the local reason code for it. */
        void ended(int reason, Throwable cause);
    }

    /** Starts reading; the handler hears from the reader thread from now on. */
    void start();

    /** @return whether the calling thread is the one the handler is called on */
    boolean isReaderThread();

    /** Encodes and writes one message as one frame. */
    default void send(Message m) throws IOException {
        write(MessageCodec.encodeFrame(m));
    }

    /**
     * Writes bytes as one unit, as Meanwhile does, so concurrent senders never interleave inside a
     * frame.
     *
     * @throws IOException once the connection is closing
     */
    void write(byte[] bytes) throws IOException;

    /** Closes the connection; the handler then hears {@code ended} once. Idempotent. */
    void close();

    boolean isClosed();
}
