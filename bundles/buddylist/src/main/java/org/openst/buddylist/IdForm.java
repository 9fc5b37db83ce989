package org.openst.buddylist;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import org.openst.protocol.AwareIdBlock;
import org.openst.protocol.WireReader;
import org.openst.protocol.WireWriter;

/**
 * One AwareIdBlock exactly as a client sent it. Meanwhile applies a snapshot, update or attribute
 * only if its ID block equals one it added, byte for byte (spec §5.9, §6.2.1), so every answer
 * echoes these bytes instead of re-encoding decoded strings (which would differ for input that is
 * not UTF-8). Two forms are equal when their bytes are.
 */
final class IdForm {
    private final byte[] wire;
    private final AwareIdBlock id;
    private final int userFieldLength;
    private final int hash;

    private IdForm(byte[] wire, AwareIdBlock id, int userFieldLength) {
        this.wire = wire;
        this.id = id;
        this.userFieldLength = userFieldLength;
        this.hash = Arrays.hashCode(wire);
    }

    /**
     * Reads one AwareIdBlock (§1.2.5) keeping its raw strings; the decoded block serves look-ups.
     *
     * @throws org.openst.protocol.ProtocolException if truncated
     */
    static IdForm read(WireReader r) {
        int type = r.u16();
        byte[] user = r.strBytes();
        byte[] community = r.strBytes();
        WireWriter w = new WireWriter(6 + user.length + community.length);
        w.u16(type).strBytes(user).strBytes(community);
        AwareIdBlock decoded = new AwareIdBlock(type, new String(user, StandardCharsets.UTF_8),
                new String(community, StandardCharsets.UTF_8));
        return new IdForm(w.toByteArray(), decoded, 2 + user.length);
    }

    /** The form the server itself writes, e.g. a group member's ID (§6.2.4). */
    static IdForm of(AwareIdBlock id) {
        WireWriter w = new WireWriter();
        id.write(w);
        return read(new WireReader(w.toByteArray()));
    }

    /** The decoded block: type and user for look-ups, never for answers. */
    AwareIdBlock id() {
        return id;
    }

    int type() {
        return id.type();
    }

    /** The user ID as the index keys it: lower case, as the hub and the directory compare IDs. */
    String userKey() {
        return id.user().toLowerCase(Locale.ROOT);
    }

    /** Appends the block exactly as received. */
    void writeTo(WireWriter w) {
        w.raw(wire);
    }

    /** Appends the user field exactly as received ({@code str}): a group's ID echoed as a snapshot's group (§6.2.4). */
    void writeUserFieldTo(WireWriter w) {
        w.raw(Arrays.copyOfRange(wire, 2, 2 + userFieldLength));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdForm f && f.hash == hash && Arrays.equals(f.wire, wire);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "{0x" + Integer.toHexString(id.type()) + ", \"" + id.user() + "\", \"" + id.community() + "\"}";
    }
}
