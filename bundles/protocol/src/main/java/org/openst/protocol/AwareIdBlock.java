package org.openst.protocol;

/**
 * The Awareness ID Block (§1.2.5). Clients match it byte for byte (§5.9): echo it exactly.
 * Null strings become "".
 *
 * @param type {@link #USER}, {@link #GROUP} or {@link #SERVER}; u16 on the wire
 * @param user user ID, or group name for a group
 * @param community community; "" = own community
 */
public record AwareIdBlock(int type, String user, String community) {
    /** §1.2.5 a user. */
    public static final int USER = 0x0002;
    /** §1.2.5 a server-side (Notes address-book) group. */
    public static final int GROUP = 0x0003;
    /** §1.2.5 a server. */
    public static final int SERVER = 0x0008;

    /** Normalises nulls and keeps type in u16 range. */
    public AwareIdBlock {
        type &= 0xFFFF;
        user = Strings.orEmpty(user);
        community = Strings.orEmpty(community);
    }

    /**
     * @param user user ID
     * @return a user block with empty community (what Pidgin adds)
     */
    public static AwareIdBlock user(String user) {
        return new AwareIdBlock(USER, user, "");
    }

    /**
     * @param r reader
     * @return the block
     * @throws ProtocolException if truncated
     */
    public static AwareIdBlock read(WireReader r) {
        int type = r.u16();
        return new AwareIdBlock(type, r.str(), r.str());
    }

    /** @param w writer */
    public void write(WireWriter w) {
        w.u16(type).str(user).str(community);
    }
}
