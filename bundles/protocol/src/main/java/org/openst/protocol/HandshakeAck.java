package org.openst.protocol;

import java.util.Arrays;

/**
 * HANDSHAKE_ACK {@code 0x8000} (§3.2, S→C).
 *
 * <p>magic and dhPublic are written only when {@code hasKey}; they are read only when the
 * version satisfies major ≥ 0x1E and minor &gt; 0x18 (as the client does, §3.2) and bytes
 * remain. So a hasKey ack with an older version does not survive a round trip. When hasKey is
 * false, magic and dhPublic are normalised to 0 and empty. dhPublic is not copied.
 *
 * @param major server protocol major version
 * @param minor server protocol minor version
 * @param srvrcalcAddr the client's IPv4 address as seen by the server
 * @param hasKey whether magic and key are on the wire
 * @param magic four bytes echoed in the RC2/128 login block (§4.5)
 * @param dhPublic the server's login DH public key; send exactly 64 bytes (§3.2 REC)
 */
public record HandshakeAck(int major, int minor, int srvrcalcAddr, boolean hasKey, int magic,
        byte[] dhPublic) implements Message {

    /** Normalises the absent fields. */
    public HandshakeAck {
        major &= 0xFFFF;
        minor &= 0xFFFF;
        magic = hasKey ? magic : 0;
        dhPublic = hasKey ? Strings.orEmpty(dhPublic) : new byte[0];
    }

    @Override
    public int type() {
        return MessageType.HANDSHAKE_ACK;
    }

    @Override
    public int channel() {
        return 0;
    }

    static HandshakeAck readBody(WireReader r) {
        int major = r.u16();
        int minor = r.u16();
        int addr = r.u32();
        if (!ProtocolVersion.ackHasKey(major, minor) || r.remaining() == 0) {
            return new HandshakeAck(major, minor, addr, false, 0, null);
        }
        int magic = r.u32();
        return new HandshakeAck(major, minor, addr, true, magic, r.opq());
    }

    void writeBody(WireWriter w) {
        w.u16(major).u16(minor).u32(srvrcalcAddr);
        if (hasKey) {
            w.u32(magic).opq(dhPublic);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HandshakeAck h && h.major == major && h.minor == minor
                && h.srvrcalcAddr == srvrcalcAddr && h.hasKey == hasKey && h.magic == magic
                && Arrays.equals(h.dhPublic, dhPublic);
    }

    @Override
    public int hashCode() {
        return ((major * 31 + minor) * 31 + srvrcalcAddr) * 31 + magic + Arrays.hashCode(dhPublic);
    }

    @Override
    public String toString() {
        return "HandshakeAck[major=0x" + Integer.toHexString(major) + ", minor=0x"
                + Integer.toHexString(minor) + ", srvrcalcAddr=" + srvrcalcAddr + ", hasKey=" + hasKey
                + ", magic=0x" + Integer.toHexString(magic) + ", dhPublic=" + Hex.brief(dhPublic) + "]";
    }
}
