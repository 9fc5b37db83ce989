package org.openst.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openst.protocol.Admin;
import org.openst.protocol.ChannelSend;

/** Every test of {@link SessionTest}, with the client's connection served by a {@link ClientIoLoop}. */
class SessionOnIoLoopTest extends SessionTest {
    @BeforeEach
    void onIoLoop() throws Exception {
        serveOnIoLoop();
    }

    /** With a loop, its thread reads the connection and a reader-thread factory is not used. */
    @Override
    @Test
    void readerThreadComesFromTheConfiguredFactory() throws Exception {
        CompletableFuture<String> thread = new CompletableFuture<>();
        events = new EventCollector() {
            @Override
            public void adminMessage(String text) {
                thread.complete(Thread.currentThread().getName());
            }
        };
        loggedIn(options().readerThreads(r -> {
            throw new AssertionError("no reader thread with an I/O loop");
        }).build());
        peer.send(new Admin("x"));
        assertEquals("test-io-0", thread.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * What the socket does not take at once waits for the loop (OP_WRITE) and arrives whole and in
     * order; the sending thread never blocks on a peer that does not read.
     */
    @Test
    void writesTheSocketCannotTakeAtOnceWaitForTheLoopAndArriveInOrder() throws Exception {
        loggedIn();
        int frames = 1000;
        byte[] data = new byte[32 * 1024]; // 32 MB in all: far more than loopback socket buffers hold
        for (int i = 0; i < frames; i++) {
            data[0] = (byte) i;
            data[data.length - 1] = (byte) (i >> 8);
            client.sendRaw(ChannelSend.plain(0x10 + i, 1, data));
        }
        for (int i = 0; i < frames; i++) {
            ChannelSend s = peer.read(ChannelSend.class);
            assertEquals(0x10 + i, s.channel());
            assertEquals((byte) i, s.data()[0]);
            assertEquals((byte) (i >> 8), s.data()[data.length - 1]);
            assertEquals(data.length, s.data().length);
        }
        assertTrue(client.isConnected());
    }

    @Test
    void closingTheLoopEndsItsClientsAsALocalClose() throws Exception {
        loggedIn();
        ioLoop.close();
        assertEquals(org.openst.protocol.ErrorCode.CONNECTION_CLOSED, events.awaitDisconnected(WAIT));
        assertFalse(client.isConnected());
        peer.expectEof();
        ioLoop.close(); // again: nothing happens
    }
}
