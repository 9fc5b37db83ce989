package org.openst.buddylist;

import java.util.Arrays;

import org.openst.protocol.Hex;
import org.openst.protocol.WireWriter;

/** An attribute's value (an opaque, spec §6.2.2): immutable, compared by content. */
final class AttributeValue {
    private final byte[] bytes;

    private AttributeValue(byte[] bytes) {
        this.bytes = bytes;
    }

    static AttributeValue of(byte[] bytes) {
        return new AttributeValue(bytes == null ? new byte[0] : bytes.clone());
    }

    int length() {
        return bytes.length;
    }

    byte[] bytes() {
        return bytes.clone();
    }

    /** Appends the value as an {@code opq}. */
    void writeOpaqueTo(WireWriter w) {
        w.opq(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttributeValue v && Arrays.equals(v.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return Hex.brief(bytes);
    }
}
