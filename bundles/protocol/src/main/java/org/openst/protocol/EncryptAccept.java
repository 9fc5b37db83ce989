package org.openst.protocol;

/**
 * The encryption accept of CHANNEL_ACCEPT (field 7, §5.5), including the trailer that follows.
 *
 * <p>Wire form written (Meanwhile's layout): {@code u16 mode}; only when an item was chosen an
 * {@code opq} holding {@code item, u16 extra, bool flag}; then the 10-byte trailer. Reading
 * (§5.5): mode, {@code u32 L}; the item only if L ≥ 6, extra and flag only if they fit in the
 * L bytes (L ≥ 9 for an RC2/40 item); everything after is ignored. When item is null, extra and
 * flag are not on the wire.
 *
 * @param mode chosen policy: NONE, RC2_40 or RC2_128 (§5.4); u16
 * @param item the chosen cipher (for RC2/128 its info is the acceptor's DH public key), or null
 * @param extra Meanwhile writes the offer's mode here; u16
 * @param flag unknown; Meanwhile writes false
 */
public record EncryptAccept(int mode, EncryptItem item, int extra, boolean flag) {
    /** Smallest accept opaque holding an item: cipher (2) + empty opq (4), §5.5. */
    static final int MIN_ITEM_LEN = 6;

    /** Keeps mode/extra in u16 range. */
    public EncryptAccept {
        mode &= 0xFFFF;
        extra &= 0xFFFF;
    }

    /** @return nothing chosen: mode NONE, no opaque */
    public static EncryptAccept none() {
        return new EncryptAccept(EncryptPolicy.NONE, null, 0, false);
    }

    /**
     * Reads an accept plus whatever follows it up to the end of the message.
     *
     * @param r reader positioned at mode; consumed to its end
     * @return the accept
     * @throws ProtocolException if mode is missing or the declared block is truncated
     */
    public static EncryptAccept read(WireReader r) {
        int mode = r.u16();
        long len = r.remaining() >= 4 ? r.u32L() : 0;
        EncryptItem item = null;
        int extra = 0;
        boolean flag = false;
        if (len >= MIN_ITEM_LEN) {
            if (len > r.remaining()) {
                throw new ProtocolException("encryption accept length " + len + " exceeds remaining "
                        + r.remaining() + " bytes at offset " + (r.position() - 4));
            }
            WireReader a = r.sub((int) len);
            item = EncryptItem.read(a);
            if (a.remaining() >= 3) {
                extra = a.u16();
                flag = a.bool();
            }
        }
        r.skip(r.remaining());
        return new EncryptAccept(mode, item, extra, flag);
    }

    /**
     * Writes mode, the accept opaque when an item was chosen, and the trailer.
     *
     * @param w writer
     */
    public void write(WireWriter w) {
        w.u16(mode);
        if (item != null) {
            WireWriter a = new WireWriter();
            item.write(a);
            a.u16(extra).bool(flag);
            w.opq(a.toByteArray());
        }
        ChannelTrailer.write(w);
    }
}
