package org.openst.protocol;

/**
 * The 10-byte trailer after the encryption block of CREATE and ACCEPT (§3.7 field 12, §3.8
 * field 8, §10 #4): always written, never interpreted.
 */
final class ChannelTrailer {
    private ChannelTrailer() {
    }

    static void write(WireWriter w) {
        w.u32(0).u32(0).u16(0x0007);
    }
}
