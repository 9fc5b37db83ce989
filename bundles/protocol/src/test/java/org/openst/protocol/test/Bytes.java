package org.openst.protocol.test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.openst.protocol.Hex;

/** Builds byte strings from spec-style pieces: hex groups and quoted ASCII. */
final class Bytes {
    private Bytes() {
    }

    /**
     * @param parts each part is hex (spaces allowed) or, when it starts with '"', ASCII text
     * @return the concatenation
     */
    static byte[] of(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String p : parts) {
            byte[] b = p.startsWith("\"") ? p.substring(1, p.length() - 1).getBytes(StandardCharsets.US_ASCII)
                    : Hex.parse(p);
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    /** Strips the 4-byte frame length after checking it. */
    static byte[] body(byte[] frame) {
        long len = ((frame[0] & 0xFFL) << 24) | ((frame[1] & 0xFF) << 16) | ((frame[2] & 0xFF) << 8) | (frame[3] & 0xFF);
        if (len != frame.length - 4) {
            throw new AssertionError("frame length " + len + " but " + (frame.length - 4) + " bytes follow");
        }
        return java.util.Arrays.copyOfRange(frame, 4, frame.length);
    }
}
