package org.openst.client;

import org.junit.jupiter.api.BeforeEach;

/** Every test of {@link OutgoingImTest}, with the client's connection served by a {@link ClientIoLoop}. */
class OutgoingImOnIoLoopTest extends OutgoingImTest {
    @BeforeEach
    void onIoLoop() throws Exception {
        serveOnIoLoop();
    }
}
