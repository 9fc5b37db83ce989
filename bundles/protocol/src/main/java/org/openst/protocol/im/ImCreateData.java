package org.openst.protocol.im;

import org.openst.protocol.WireReader;
import org.openst.protocol.WireWriter;

/**
 * The addtl of an IM CHANNEL_CREATE (§6.1.1): {@code u32 a, u32 features}.
 *
 * @param a always 1; a client refuses other values with ERR_IM_NOT_REGISTERED
 * @param features requested feature set: {@link #FEATURES_PLAIN}, {@link #FEATURES_NOTESBUDDY}
 *     or {@link #FEATURES_PRECONF}
 */
public record ImCreateData(int a, int features) {
    /** §6.1.1 text and typing only. */
    public static final int FEATURES_PLAIN = 0x00000001;
    /** §6.1.1 adds HTML, subject and MIME; what Pidgin asks for. */
    public static final int FEATURES_NOTESBUDDY = 0x00033453;
    /** §6.1.1 the channel only carries a place invitation. */
    public static final int FEATURES_PRECONF = 0x00000019;
    /** §6.1.2 the one CHANNEL_SEND msg_type of the IM service. */
    public static final int MSG_TYPE = 0x0064;

    /**
     * @param features feature set
     * @return create data with a = 1
     */
    public static ImCreateData of(int features) {
        return new ImCreateData(1, features);
    }

    /**
     * @param addtl the create's addtl
     * @return the data; extra bytes are ignored
     * @throws org.openst.protocol.ProtocolException if shorter than two u32 (§6.1.1 rule 2)
     */
    public static ImCreateData read(byte[] addtl) {
        WireReader r = new WireReader(addtl);
        int a = r.u32();
        return new ImCreateData(a, r.u32());
    }

    /** @return the 8-byte addtl */
    public byte[] toBytes() {
        return new WireWriter(8).u32(a).u32(features).toByteArray();
    }
}
