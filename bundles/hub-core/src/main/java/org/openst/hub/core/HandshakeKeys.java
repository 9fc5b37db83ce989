package org.openst.hub.core;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import org.openst.protocol.crypto.DhKeyPair;

/**
 * The hub's Diffie-Hellman key pairs for HANDSHAKE_ACK (spec §3.2, §4.5), in the 512-bit group
 * of §4.2 with a 256-bit private exponent. One pair serves a short series of handshakes and is
 * then replaced.
 *
 * <p>Why a series and not one pair per handshake: making a pair is one 512-bit exponentiation on
 * the network thread, a sixth of the hub's CPU per login in the login profile (bench/README.md).
 * Nothing in the protocol ties a key to one connection (each client brings its own fresh key, so
 * every login still gets its own shared RC2 key), and a pair lives at most {@link #MAX_AGE_NANOS}
 * and {@link #MAX_USES} handshakes; after that the private exponent is dropped, so recorded logins
 * stay protected once the pair is gone, as with a per-connection key.
 *
 * <p>Why not Meanwhile's 64 random bytes (§4.2): the shared key at verification costs the hub an
 * exponentiation with this exponent for every login, in time proportional to its length. A
 * 256-bit exponent halves it without weakening the exchange: the best attack on a short exponent
 * (Pollard's lambda) needs about 2^128 steps, far more than a discrete logarithm in the 512-bit
 * group itself, which is the real limit of this protocol's login encryption. Clients keep their
 * own exponents; the wire format is unchanged (the public key is still 64 bytes, §3.2).
 */
final class HandshakeKeys {
    /** Bytes of the private exponent. */
    static final int PRIVATE_BYTES = 32;
    /** Handshakes one pair serves at most. */
    static final int MAX_USES = 256;
    /** How long one pair serves at most: one second. */
    static final long MAX_AGE_NANOS = 1_000_000_000L;

    private final SecureRandom random;
    private final LongSupplier nanoClock;
    private final AtomicReference<Current> current = new AtomicReference<>();

    private record Current(DhKeyPair pair, long bornNanos, AtomicInteger uses) {
    }

    HandshakeKeys(SecureRandom random) {
        this(random, System::nanoTime);
    }

    HandshakeKeys(SecureRandom random, LongSupplier nanoClock) {
        this.random = random;
        this.nanoClock = nanoClock;
    }

    /** @return the pair for the next HANDSHAKE_ACK; a new one when the current is used up or old */
    DhKeyPair next() {
        Current c = current.get();
        long now = nanoClock.getAsLong();
        if (c != null && now - c.bornNanos() < MAX_AGE_NANOS && c.uses().incrementAndGet() <= MAX_USES) {
            return c.pair();
        }
        // Two threads may both make one at the same moment; the loser's pair serves its own
        // handshake only.
        Current fresh = new Current(generate(random), now, new AtomicInteger(1));
        current.compareAndSet(c, fresh);
        return fresh.pair();
    }

    static DhKeyPair generate(SecureRandom random) {
        byte[] b = new byte[PRIVATE_BYTES];
        BigInteger x;
        do {
            random.nextBytes(b);
            x = new BigInteger(1, b);
        } while (x.compareTo(BigInteger.TWO) < 0);
        return DhKeyPair.fromPrivate(x);
    }
}
