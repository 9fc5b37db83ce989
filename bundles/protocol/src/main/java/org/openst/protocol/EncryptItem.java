package org.openst.protocol;

import java.util.Arrays;

/**
 * An encryption item (§1.2.7): one cipher offered or chosen. The info array is not copied;
 * treat it as immutable. Null info becomes empty.
 *
 * @param cipherId {@link CipherId#RC2_40} or {@link CipherId#RC2_128}; u16 on the wire
 * @param info RC2/40: empty; RC2/128: the sender's DH public key, unsigned big-endian
 */
public record EncryptItem(int cipherId, byte[] info) {

    /** Normalises null info and keeps cipherId in u16 range. */
    public EncryptItem {
        cipherId &= 0xFFFF;
        info = Strings.orEmpty(info);
    }

    /** @return the RC2/40 item (empty info, §5.7) */
    public static EncryptItem rc2_40() {
        return new EncryptItem(CipherId.RC2_40, new byte[0]);
    }

    /**
     * @param dhPublic the sender's channel DH public key
     * @return the RC2/128 item
     */
    public static EncryptItem rc2_128(byte[] dhPublic) {
        return new EncryptItem(CipherId.RC2_128, dhPublic);
    }

    /**
     * @param r reader
     * @return the item
     * @throws ProtocolException if truncated
     */
    public static EncryptItem read(WireReader r) {
        int id = r.u16();
        return new EncryptItem(id, r.opq());
    }

    /** @param w writer */
    public void write(WireWriter w) {
        w.u16(cipherId).opq(info);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncryptItem e && e.cipherId == cipherId && Arrays.equals(e.info, info);
    }

    @Override
    public int hashCode() {
        return 31 * cipherId + Arrays.hashCode(info);
    }

    @Override
    public String toString() {
        return "EncryptItem[cipherId=" + cipherId + ", info=" + Hex.brief(info) + "]";
    }
}
