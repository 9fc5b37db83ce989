package org.openst.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openst.protocol.Admin;

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
}
