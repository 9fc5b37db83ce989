package org.openst.protocol;

/**
 * The ID Block (§1.2.3): a user (or other ID) and its community. Null strings become "".
 *
 * @param user user ID
 * @param community community; "" = own community
 */
public record IdBlock(String user, String community) {

    /** Normalises nulls. */
    public IdBlock {
        user = Strings.orEmpty(user);
        community = Strings.orEmpty(community);
    }

    /** @return the empty block (target of service channels, §3.7) */
    public static IdBlock empty() {
        return new IdBlock("", "");
    }

    /**
     * @param r reader
     * @return the block
     * @throws ProtocolException if truncated
     */
    public static IdBlock read(WireReader r) {
        return new IdBlock(r.str(), r.str());
    }

    /** @param w writer */
    public void write(WireWriter w) {
        w.str(user).str(community);
    }
}
