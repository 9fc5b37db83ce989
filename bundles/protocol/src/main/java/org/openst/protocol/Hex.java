package org.openst.protocol;

/**
 * Hex conversion for logs, {@code toString()} of records holding bytes, and test vectors.
 */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();
    /** toString() of large payloads shows only this many bytes, to keep logs readable. */
    private static final int SHORT_LIMIT = 64;

    private Hex() {
    }

    /**
     * @param b bytes (null gives "null")
     * @return lower-case hex, no separators
     */
    public static String of(byte[] b) {
        if (b == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(DIGITS[(x >> 4) & 0xF]).append(DIGITS[x & 0xF]);
        }
        return sb.toString();
    }

    /**
     * Hex of at most the first 64 bytes plus the total length, for {@code toString()}.
     *
     * @param b bytes (null gives "null")
     * @return e.g. {@code "00ff…(300 bytes)"}
     */
    public static String brief(byte[] b) {
        if (b == null || b.length <= SHORT_LIMIT) {
            return of(b);
        }
        return of(java.util.Arrays.copyOf(b, SHORT_LIMIT)) + "…(" + b.length + " bytes)";
    }

    /**
     * Parses hex; spaces, line breaks and ':' are ignored so spec examples can be pasted.
     *
     * @param s hex text, case-insensitive
     * @return the bytes
     * @throws IllegalArgumentException on a non-hex character or an odd digit count
     */
    public static byte[] parse(String s) {
        String t = s.replaceAll("[\\s:]", "");
        if (t.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + t.length());
        }
        byte[] out = new byte[t.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(t.charAt(2 * i), 16);
            int lo = Character.digit(t.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("not a hex digit near index " + 2 * i);
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }
}
