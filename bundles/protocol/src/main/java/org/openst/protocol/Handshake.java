package org.openst.protocol;

/**
 * HANDSHAKE {@code 0x0000} (§3.1, C→S): the client's first message.
 *
 * <p>Fields 7–9 are present by remaining length, not by version (§3.1 REC); when {@code
 * hasExtra} is false they are normalised to 0/0/"".
 *
 * @param major protocol major version (Meanwhile 0x1E)
 * @param minor protocol minor version (Meanwhile 0x1D)
 * @param channel body copy of the header's channel field, always 0 in practice; the codec also
 *     writes it as the header channel, so {@link #channel()} is 0 for every real handshake
 * @param srvrcalcAddr 0 from clients
 * @param loginType client type (§1.3); u16
 * @param loclcalcAddr client's own IPv4 if set, else 0
 * @param hasExtra whether fields 7–9 are on the wire
 * @param unknownA field 7, Meanwhile 0x0100; u16
 * @param unknownB field 8, 0
 * @param localHost field 9, client host name (Pidgin: "")
 */
public record Handshake(int major, int minor, int channel, int srvrcalcAddr, int loginType,
        int loclcalcAddr, boolean hasExtra, int unknownA, int unknownB, String localHost)
        implements Message {

    /** Normalises the absent fields and u16 ranges. */
    public Handshake {
        major &= 0xFFFF;
        minor &= 0xFFFF;
        loginType &= 0xFFFF;
        unknownA = hasExtra ? unknownA & 0xFFFF : 0;
        unknownB = hasExtra ? unknownB : 0;
        localHost = hasExtra ? Strings.orEmpty(localHost) : "";
    }

    /**
     * What Meanwhile sends by default (§3.1).
     *
     * @param loginType client type
     * @param localHost host name, may be ""
     * @return a handshake with version 0x1E/0x1D and fields 7–9
     */
    public static Handshake meanwhileDefault(int loginType, String localHost) {
        return new Handshake(ProtocolVersion.MAJOR, ProtocolVersion.MINOR, 0, 0, loginType, 0,
                true, 0x0100, 0, localHost);
    }

    @Override
    public int type() {
        return MessageType.HANDSHAKE;
    }

    static Handshake readBody(WireReader r) {
        int major = r.u16();
        int minor = r.u16();
        int channel = r.u32();
        int srvrcalc = r.u32();
        int loginType = r.u16();
        int loclcalc = r.u32();
        if (r.remaining() == 0) {
            return new Handshake(major, minor, channel, srvrcalc, loginType, loclcalc, false, 0, 0, "");
        }
        int a = r.u16();
        int b = r.u32();
        String host = r.str();
        return new Handshake(major, minor, channel, srvrcalc, loginType, loclcalc, true, a, b, host);
    }

    void writeBody(WireWriter w) {
        w.u16(major).u16(minor).u32(channel).u32(srvrcalcAddr).u16(loginType).u32(loclcalcAddr);
        if (hasExtra) {
            w.u16(unknownA).u32(unknownB).str(localHost);
        }
    }
}
