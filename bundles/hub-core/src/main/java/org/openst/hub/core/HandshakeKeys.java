package org.openst.hub.core;

import java.math.BigInteger;
import java.security.SecureRandom;

import org.openst.protocol.crypto.DhKeyPair;

/**
 * The hub's Diffie-Hellman key pair of one HANDSHAKE_ACK (spec §3.2, §4.5), in the 512-bit group
 * of §4.2 with a 256-bit private exponent.
 *
 * <p>Why not Meanwhile's 64 random bytes (§4.2): a login costs the hub two exponentiations with
 * this exponent (the public key here, the shared key at verification), and both take time in
 * proportion to its length; at thousands of logins per second that is the hub's largest cost. A
 * 256-bit exponent halves it without weakening the exchange: the best attack on a short exponent
 * (Pollard's lambda) needs about 2^128 steps, far more than a discrete logarithm in the 512-bit
 * group itself, which is the real limit of this protocol's login encryption. Clients keep their
 * own exponents; the wire format is unchanged (the public key is still 64 bytes, §3.2).
 */
final class HandshakeKeys {
    /** Bytes of the private exponent. */
    static final int PRIVATE_BYTES = 32;

    private HandshakeKeys() {
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
