package org.openst.protocol.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A Diffie-Hellman key pair in the group of §4.2, with Meanwhile's key derivation: the RC2 key
 * is the 16 least significant bytes of the shared value (§4.2). Immutable.
 */
public final class DhKeyPair {
    /** §4.2: Meanwhile's private exponents are 64 random bytes. */
    private static final int PRIVATE_BYTES = 64;
    /** §4.2: the RC2 key is the last 16 bytes of S. */
    private static final int KEY_BYTES = 16;

    private final BigInteger x;
    private final BigInteger y;

    private DhKeyPair(BigInteger x) {
        this.x = x;
        this.y = DhGroup.G.modPow(x, DhGroup.P);
    }

    /**
     * @param rnd randomness
     * @return a fresh pair with a 512-bit private exponent
     */
    public static DhKeyPair generate(SecureRandom rnd) {
        BigInteger x;
        do {
            byte[] b = new byte[PRIVATE_BYTES];
            rnd.nextBytes(b);
            x = new BigInteger(1, b);
        } while (x.compareTo(BigInteger.TWO) < 0);
        return new DhKeyPair(x);
    }

    /**
     * For test vectors (§4.9).
     *
     * @param x private exponent, positive
     * @return the pair
     */
    public static DhKeyPair fromPrivate(BigInteger x) {
        if (x.signum() <= 0) {
            throw new IllegalArgumentException("private exponent must be positive");
        }
        return new DhKeyPair(x);
    }

    /** @return the public value g^x mod p, unsigned big-endian, minimal length (§4.2) */
    public byte[] publicKey() {
        return Bytes.unsigned(y);
    }

    /**
     * @return the public value left-padded to exactly 64 bytes; what HANDSHAKE_ACK must carry so
     *     the client does not fall back to RC2/40 (§3.2 REC)
     */
    public byte[] publicKeyPadded() {
        return Bytes.leftPad(Bytes.unsigned(y), DhGroup.BYTES);
    }

    /** @return the public value */
    public BigInteger publicValue() {
        return y;
    }

    /**
     * The full shared value S = peer^x mod p, minimal unsigned big-endian.
     *
     * @param peerPublic peer public key, unsigned big-endian, any length (leading zeros allowed)
     * @return S
     * @throws IllegalArgumentException if the peer key is ≤ 1 or ≥ p−1 (§4.5 step 2)
     */
    public byte[] sharedSecret(byte[] peerPublic) {
        BigInteger peer = new BigInteger(1, peerPublic);
        if (!DhGroup.isValidPublic(peer)) {
            throw new IllegalArgumentException("peer DH public key out of range (must be 1 < y < p-1)");
        }
        return Bytes.unsigned(peer.modPow(x, DhGroup.P));
    }

    /**
     * The 16-byte RC2 key shared with the peer (§4.2): the 16 least significant bytes of S,
     * most significant first. Used for the RC2/128 login (§4.5) and channels (§5.7).
     *
     * @param peerPublic peer public key, unsigned big-endian
     * @return 16 key bytes
     * @throws IllegalArgumentException if the peer key is ≤ 1 or ≥ p−1
     */
    public byte[] sharedKey(byte[] peerPublic) {
        byte[] s = sharedSecret(peerPublic);
        // S < 2^120 is astronomically unlikely (§4.2); left-padding keeps that case defined.
        byte[] padded = Bytes.leftPad(s, KEY_BYTES);
        return Arrays.copyOfRange(padded, padded.length - KEY_BYTES, padded.length);
    }

    @Override
    public String toString() {
        return "DhKeyPair[public=" + y.toString(16) + "]"; // never the private exponent
    }
}
