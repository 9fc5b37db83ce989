package org.openst.protocol;

/** Protocol version numbers (§3.1, §3.2, Appendix A). */
public final class ProtocolVersion {
    /** §3.2 REC: major version the server sends; also Meanwhile's default. */
    public static final int MAJOR = 0x001E;
    /** §3.2 REC: minor version the server sends (keep it below {@code 0x213F}, §9.1). */
    public static final int MINOR = 0x001D;

    private ProtocolVersion() {
    }

    /**
     * §3.1: whether HANDSHAKE fields 7–9 are expected for this version (informational: the
     * codec decides by remaining length).
     *
     * @param major major version
     * @param minor minor version
     * @return major ≥ 0x1E and minor ≥ 0x1D
     */
    public static boolean handshakeHasExtra(int major, int minor) {
        return major >= 0x001E && minor >= 0x001D;
    }

    /**
     * §3.2: whether a HANDSHAKE_ACK of this version carries magic and DH key.
     *
     * @param major major version
     * @param minor minor version
     * @return major ≥ 0x1E and minor &gt; 0x18
     */
    public static boolean ackHasKey(int major, int minor) {
        return major >= 0x001E && minor > 0x0018;
    }
}
