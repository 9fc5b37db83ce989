package org.openst.hub.core;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.openst.protocol.crypto.DhKeyPair;

class HandshakeKeysTest {
    private final AtomicLong clock = new AtomicLong(1_000);
    private final HandshakeKeys keys = new HandshakeKeys(new SecureRandom(), clock::get);

    @Test
    void onePairServesAtMostMaxUsesHandshakes() {
        DhKeyPair first = keys.next();
        for (int i = 1; i < HandshakeKeys.MAX_USES; i++) {
            assertSame(first, keys.next(), "handshake " + (i + 1));
        }
        DhKeyPair second = keys.next();
        assertNotSame(first, second);
        assertSame(second, keys.next());
    }

    @Test
    void aPairIsReplacedOnceItIsOneSecondOld() {
        DhKeyPair first = keys.next();
        clock.addAndGet(HandshakeKeys.MAX_AGE_NANOS - 1);
        assertSame(first, keys.next());
        clock.addAndGet(1);
        assertNotSame(first, keys.next());
    }
}
