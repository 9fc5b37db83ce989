package org.openst.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Growable big-endian writer of the primitive types of §1.1. Fluent; not thread-safe.
 *
 * <p>Integer writers keep the low 8/16/32 bits of their argument, like the wire fields they
 * produce; strings are checked instead, because silently truncating a length (as Meanwhile
 * does, §1.1) would corrupt the whole message.
 */
public final class WireWriter {
    private static final int MAX_STR = 0xFFFF;

    private byte[] buf;
    private int size;

    /** Creates an empty writer. */
    public WireWriter() {
        this(64);
    }

    /**
     * Creates an empty writer with a capacity hint.
     *
     * @param capacity initial buffer size in bytes
     */
    public WireWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    /**
     * @param v value; the low 8 bits are written
     * @return this
     */
    public WireWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    /**
     * @param v value; the low 16 bits are written big-endian
     * @return this
     */
    public WireWriter u16(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    /**
     * @param v the 32 bits to write big-endian (pass {@code (int) longValue} for values above 2^31)
     * @return this
     */
    public WireWriter u32(int v) {
        ensure(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    /**
     * @param v value; written as {@code 0x01} or {@code 0x00} (§1.1)
     * @return this
     */
    public WireWriter bool(boolean v) {
        return u8(v ? 1 : 0);
    }

    /**
     * Writes a {@code str} in UTF-8.
     *
     * @param s text; null is written as the empty string (§1.1)
     * @return this
     * @throws IllegalArgumentException if the UTF-8 form is longer than 65535 bytes
     */
    public WireWriter str(String s) {
        return strBytes(s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes raw bytes as a {@code str} (u16 length + bytes).
     *
     * @param b bytes; null is written as the empty string
     * @return this
     * @throws IllegalArgumentException if longer than 65535 bytes
     */
    public WireWriter strBytes(byte[] b) {
        if (b == null) {
            return u16(0);
        }
        if (b.length > MAX_STR) {
            throw new IllegalArgumentException("string of " + b.length
                    + " bytes exceeds the 65535-byte limit of a str field");
        }
        u16(b.length);
        return raw(b);
    }

    /**
     * Writes an {@code opq} (u32 length + bytes).
     *
     * @param b bytes; null is written as an empty opaque
     * @return this
     */
    public WireWriter opq(byte[] b) {
        if (b == null) {
            return u32(0);
        }
        u32(b.length);
        return raw(b);
    }

    /**
     * Appends bytes without any length prefix.
     *
     * @param b bytes; null appends nothing
     * @return this
     */
    public WireWriter raw(byte[] b) {
        if (b != null) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, size, b.length);
            size += b.length;
        }
        return this;
    }

    /** Overwrites 4 already-written bytes; lets the codec fill in a frame length afterwards. */
    void patchU32(int at, int v) {
        if (at < 0 || at + 4 > size) {
            throw new IndexOutOfBoundsException("patch at " + at + " outside " + size + " bytes");
        }
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    /** @return number of bytes written */
    public int size() {
        return size;
    }

    /** @return a copy of the bytes written */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /**
     * The bytes written, without a copy when the buffer is exactly full (a writer made with the
     * exact size). The writer must not be used afterwards.
     *
     * @return the bytes written
     */
    byte[] takeBytes() {
        byte[] b = size == buf.length ? buf : Arrays.copyOf(buf, size);
        buf = null;
        return b;
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            long want = Math.max((long) buf.length * 2, (long) size + n);
            if (want > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("message too large: " + want + " bytes");
            }
            buf = Arrays.copyOf(buf, (int) want);
        }
    }
}
