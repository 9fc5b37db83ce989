package org.openst.protocol.crypto;

import java.math.BigInteger;
import java.util.Arrays;

/** Unsigned big-endian conversions for DH values (§4.2). */
final class Bytes {
    private Bytes() {
    }

    /** Minimal unsigned big-endian form (drops BigInteger's sign byte). */
    static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        if (b.length > 1 && b[0] == 0) {
            return Arrays.copyOfRange(b, 1, b.length);
        }
        return b;
    }

    /** Left-pads with zero bytes to at least {@code len} bytes. */
    static byte[] leftPad(byte[] b, int len) {
        if (b.length >= len) {
            return b;
        }
        byte[] out = new byte[len];
        System.arraycopy(b, 0, out, len - b.length, b.length);
        return out;
    }
}
