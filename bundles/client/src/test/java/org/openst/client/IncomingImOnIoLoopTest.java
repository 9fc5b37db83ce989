package org.openst.client;

import org.junit.jupiter.api.BeforeEach;

/** Every test of {@link IncomingImTest}, with the client's connection served by a {@link ClientIoLoop}. */
class IncomingImOnIoLoopTest extends IncomingImTest {
    @BeforeEach
    void onIoLoop() throws Exception {
        serveOnIoLoop();
    }
}
