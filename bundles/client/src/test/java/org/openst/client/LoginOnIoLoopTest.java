package org.openst.client;

import org.junit.jupiter.api.BeforeEach;

/** Every test of {@link LoginTest}, with the client's connection served by a {@link ClientIoLoop}. */
class LoginOnIoLoopTest extends LoginTest {
    @BeforeEach
    void onIoLoop() throws Exception {
        serveOnIoLoop();
    }
}
