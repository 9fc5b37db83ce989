package org.openst.protocol.im;

import org.openst.protocol.UserStatus;
import org.openst.protocol.WireReader;
import org.openst.protocol.WireWriter;

/**
 * The addtl of an IM CHANNEL_ACCEPT written by Meanwhile (§6.1.1): {@code u32 a, u32 features,
 * u32 c, UserStatus}. Meanwhile ignores it on receipt, so reading is tolerant.
 *
 * @param a 1
 * @param features the features value from the create
 * @param c 2
 * @param status the accepting user's status, or null when the addtl only had a and features
 */
public record ImAcceptData(int a, int features, int c, UserStatus status) {

    /**
     * @param features the create's features
     * @param status the accepting user's status
     * @return accept data as Meanwhile writes it (a = 1, c = 2)
     */
    public static ImAcceptData of(int features, UserStatus status) {
        return new ImAcceptData(1, features, 2, status);
    }

    /**
     * Reads a/features, then c and the status only if more bytes follow.
     *
     * @param addtl the accept's addtl
     * @return the data
     * @throws org.openst.protocol.ProtocolException if shorter than 8 bytes or the status is truncated
     */
    public static ImAcceptData read(byte[] addtl) {
        WireReader r = new WireReader(addtl);
        int a = r.u32();
        int features = r.u32();
        if (r.remaining() == 0) {
            return new ImAcceptData(a, features, 0, null);
        }
        int c = r.u32();
        return new ImAcceptData(a, features, c, UserStatus.read(r));
    }

    /** @return the addtl bytes; only a and features when status is null */
    public byte[] toBytes() {
        WireWriter w = new WireWriter().u32(a).u32(features);
        if (status != null) {
            w.u32(c);
            status.write(w);
        }
        return w.toByteArray();
    }
}
