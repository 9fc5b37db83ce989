package org.openst.protocol;

/** Null handling shared by the records: the wire cannot tell null from "" (§1.1). */
final class Strings {
    private Strings() {
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    static byte[] orEmpty(byte[] b) {
        return b == null ? new byte[0] : b;
    }
}
