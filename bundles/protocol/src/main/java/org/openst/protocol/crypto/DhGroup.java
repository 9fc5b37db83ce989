package org.openst.protocol.crypto;

import java.math.BigInteger;

/** The fixed 512-bit Diffie-Hellman group of Sametime (§4.2). p is a safe prime. */
public final class DhGroup {
    /** §4.2 the prime p. */
    public static final BigInteger P = new BigInteger(
            "CF84AFCE86DDFA527F136D10357528EEFBA0AFEF808F29174E3B6A9E970001717C8F106C41C161A6CE91057B34DA62CBB87BFDC1B35C1B910FEA72249D566B9F",
            16);
    /** §4.2 the generator g = 3. */
    public static final BigInteger G = BigInteger.valueOf(3);
    /** Size of p in bytes, the padded public-key length (§3.2 REC). */
    public static final int BYTES = 64;

    private DhGroup() {
    }

    /**
     * Range check of a peer public value: 1 &lt; y &lt; p−1 (§4.5 step 2). Rejects the values
     * that would force a trivial shared secret.
     *
     * @param y peer public value
     * @return whether acceptable
     */
    public static boolean isValidPublic(BigInteger y) {
        return y.compareTo(BigInteger.ONE) > 0 && y.compareTo(P.subtract(BigInteger.ONE)) < 0;
    }
}
