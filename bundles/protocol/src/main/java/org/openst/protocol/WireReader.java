package org.openst.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Sequential reader of the primitive types of §1.1 over a byte range.
 *
 * <p>Unlike Meanwhile, which reads zeros past the end and carries on (§1.1), every read that
 * would pass the end throws {@link ProtocolException}: a server must not act on half-parsed
 * input. Offsets in messages are relative to the start of the range. Not thread-safe.
 */
public final class WireReader {
    private final byte[] buf;
    private final int start;
    private final int limit;
    private int pos;

    /**
     * Reads the whole array.
     *
     * @param buf the bytes; not copied
     */
    public WireReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    /**
     * Reads {@code len} bytes of {@code buf} starting at {@code off}.
     *
     * @param buf the bytes; not copied
     * @param off first byte
     * @param len number of bytes
     * @throws IndexOutOfBoundsException if the range is not inside {@code buf}
     */
    public WireReader(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        this.buf = buf;
        this.start = off;
        this.limit = off + len;
        this.pos = off;
    }

    /** @return an unsigned byte */
    public int u8() {
        need(1, "u8");
        return buf[pos++] & 0xFF;
    }

    /** @return an unsigned big-endian 16-bit value (0..65535) */
    public int u16() {
        need(2, "u16");
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    /** @return the raw 32 bits of a big-endian {@code u32}; use {@link #u32L()} for the unsigned value */
    public int u32() {
        need(4, "u32");
        int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16)
                | ((buf[pos + 2] & 0xFF) << 8) | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    /** @return a big-endian {@code u32} as an unsigned value (0..2^32-1) */
    public long u32L() {
        return u32() & 0xFFFF_FFFFL;
    }

    /** @return a {@code bool}; every non-zero byte is true (§1.1) */
    public boolean bool() {
        return u8() != 0;
    }

    /** @return a {@code str} decoded as UTF-8 (§1.1 REC); length 0 gives "" */
    public String str() {
        byte[] b = strBytes();
        return b.length == 0 ? "" : new String(b, StandardCharsets.UTF_8);
    }

    /** @return the raw bytes of a {@code str} (u16 length + bytes), for byte-exact relaying */
    public byte[] strBytes() {
        int at = position();
        int n = u16();
        if (n > remaining()) {
            throw new ProtocolException("string length " + n + " exceeds remaining "
                    + remaining() + " bytes at offset " + at);
        }
        return take(n);
    }

    /** @return the bytes of an {@code opq} (u32 length + bytes); length 0 gives an empty array */
    public byte[] opq() {
        int at = position();
        long n = u32L();
        if (n > remaining()) {
            throw new ProtocolException("opaque length " + n + " exceeds remaining "
                    + remaining() + " bytes at offset " + at);
        }
        return take((int) n);
    }

    /**
     * Reads exactly {@code n} raw bytes.
     *
     * @param n byte count, not negative
     * @return a copy of the bytes
     */
    public byte[] bytes(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative count " + n);
        }
        need(n, n + " bytes");
        return take(n);
    }

    /**
     * Returns a reader over the next {@code n} bytes and advances past them; used for blocks
     * whose length is declared up front (§1.2.6, §5.5).
     *
     * @param n byte count, not negative
     * @return a reader whose offsets start at 0
     */
    public WireReader sub(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative count " + n);
        }
        need(n, "block of " + n + " bytes");
        WireReader r = new WireReader(buf, pos, n);
        pos += n;
        return r;
    }

    /** @return bytes left to read */
    public int remaining() {
        return limit - pos;
    }

    /** @return bytes read so far (offset relative to the start of the range) */
    public int position() {
        return pos - start;
    }

    /**
     * Skips {@code n} bytes.
     *
     * @param n byte count, not negative
     */
    public void skip(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative skip " + n);
        }
        need(n, "skip of " + n + " bytes");
        pos += n;
    }

    /** @return a copy of all remaining bytes; the reader is then at its end */
    public byte[] rest() {
        return take(remaining());
    }

    private byte[] take(int n) {
        byte[] out = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    private void need(int n, String what) {
        if (n > limit - pos) {
            throw new ProtocolException(what + " needs " + n + " bytes but only "
                    + (limit - pos) + " remain at offset " + position());
        }
    }
}
