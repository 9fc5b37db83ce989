package org.openst.protocol;

/** Framing helpers (§2): every message travels as {@code u32 length} + body. */
public final class Frames {
    /** §2: the keepalive byte Meanwhile sends; any byte ≥ 0x80 where a length is expected is one. */
    public static final byte KEEPALIVE = (byte) 0x80;

    private Frames() {
    }

    /**
     * @param body header + payload
     * @return the frame: big-endian u32 length of body, then body
     */
    public static byte[] frame(byte[] body) {
        return new WireWriter(body.length + 4).u32(body.length).raw(body).toByteArray();
    }
}
