package org.openst.client;

import java.io.IOException;

import org.openst.client.internal.IoLoop;

/**
 * Selector threads shared by many clients ({@link ClientOptions.Builder#ioLoop}), for a process
 * that holds thousands of connections, such as a load generator. Without one, every client reads
 * on a thread of its own. With one, the listeners of all the clients a loop thread serves are
 * called on that thread: they must return quickly and never wait for the server (the blocking
 * methods refuse to run there, as they do on a reader thread).
 *
 * <p>Closing the loop ends the clients it still serves, as a local close would.
 */
public final class ClientIoLoop implements AutoCloseable {
    private final IoLoop loop;

    private ClientIoLoop(IoLoop loop) {
        this.loop = loop;
    }

    /**
     * @param name    prefix of the threads' names
     * @param threads selector threads, at least 1 (one per core is plenty)
     * @return the running loop
     * @throws IOException if a selector cannot be opened
     */
    public static ClientIoLoop start(String name, int threads) throws IOException {
        return new ClientIoLoop(new IoLoop(name, threads));
    }

    IoLoop loop() {
        return loop;
    }

    @Override
    public void close() {
        loop.close();
    }
}
