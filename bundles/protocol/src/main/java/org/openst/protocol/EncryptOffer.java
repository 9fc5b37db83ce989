package org.openst.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The encryption offer of CHANNEL_CREATE (field 11, §5.5), including the trailer that follows.
 *
 * <p>Wire form written (Meanwhile's layout): {@code u16 mode}; only when items is non-empty an
 * {@code opq} holding {@code u32 count, items, u16 extra, bool flag}; then the 10-byte trailer.
 * Reading (§5.5 REC): mode, {@code u32 L}; if L ≥ 7 the L bytes are parsed as the offer;
 * everything after (normally the trailer) is ignored. So decode→encode of Meanwhile's layouts
 * is byte-identical and a relay can forward an offer unchanged (§5.8). With no items, extra and
 * flag are not on the wire; they are kept as given but not written.
 *
 * @param mode policy (§5.4, {@link EncryptPolicy}); u16
 * @param items offered ciphers in wire order (immutable copy; null becomes empty)
 * @param extra policy again (Meanwhile writes mode here); u16
 * @param flag unknown; Meanwhile writes false
 */
public record EncryptOffer(int mode, List<EncryptItem> items, int extra, boolean flag) {
    /** Smallest offer opaque Meanwhile parses: count (4) + extra (2) + flag (1), §5.5. */
    static final int MIN_OFFER_LEN = 7;

    /** Copies the item list and keeps mode/extra in u16 range. */
    public EncryptOffer {
        mode &= 0xFFFF;
        extra &= 0xFFFF;
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** @return no encryption: mode NONE and no opaque (what service channels send, §5.6) */
    public static EncryptOffer none() {
        return new EncryptOffer(EncryptPolicy.NONE, List.of(), 0, false);
    }

    /**
     * Reads an offer plus whatever follows it up to the end of the message.
     *
     * @param r reader positioned at mode; consumed to its end
     * @return the offer
     * @throws ProtocolException if mode is missing or the declared offer is truncated
     */
    public static EncryptOffer read(WireReader r) {
        int mode = r.u16();
        // Meanwhile reads a missing L as 0 (§1.1); accept a create without trailer the same way.
        long len = r.remaining() >= 4 ? r.u32L() : 0;
        List<EncryptItem> items = new ArrayList<>();
        int extra = 0;
        boolean flag = false;
        if (len >= MIN_OFFER_LEN) {
            if (len > r.remaining()) {
                throw new ProtocolException("encryption offer length " + len + " exceeds remaining "
                        + r.remaining() + " bytes at offset " + (r.position() - 4));
            }
            WireReader o = r.sub((int) len);
            long count = o.u32L();
            for (long i = 0; i < count; i++) {
                items.add(EncryptItem.read(o));
            }
            extra = o.u16();
            flag = o.bool();
        }
        r.skip(r.remaining());
        return new EncryptOffer(mode, items, extra, flag);
    }

    /**
     * Writes mode, the offer opaque when there are items, and the trailer.
     *
     * @param w writer
     */
    public void write(WireWriter w) {
        w.u16(mode);
        if (!items.isEmpty()) {
            WireWriter o = new WireWriter();
            o.u32(items.size());
            for (EncryptItem item : items) {
                item.write(o);
            }
            o.u16(extra).bool(flag);
            w.opq(o.toByteArray());
        }
        ChannelTrailer.write(w);
    }
}
