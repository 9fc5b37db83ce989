package org.openst.protocol;

/**
 * A user item of a privacy list (§1.2.2). When {@code full} is false the name is not on the
 * wire and is normalised to "". Null strings become "".
 *
 * @param full whether the name follows
 * @param id user ID
 * @param community community; "" = own community
 * @param name display name, only when full
 */
public record PrivacyUser(boolean full, String id, String community, String name) {

    /** Normalises nulls and the absent name. */
    public PrivacyUser {
        id = Strings.orEmpty(id);
        community = Strings.orEmpty(community);
        name = full ? Strings.orEmpty(name) : "";
    }

    /**
     * The form Pidgin sends: only the ID (§1.2.2).
     *
     * @param id user ID
     * @return a short item with empty community
     */
    public static PrivacyUser of(String id) {
        return new PrivacyUser(false, id, "", "");
    }

    /**
     * @param r reader
     * @return the item
     * @throws ProtocolException if truncated
     */
    public static PrivacyUser read(WireReader r) {
        boolean full = r.bool();
        String id = r.str();
        String community = r.str();
        String name = full ? r.str() : "";
        return new PrivacyUser(full, id, community, name);
    }

    /** @param w writer */
    public void write(WireWriter w) {
        w.bool(full).str(id).str(community);
        if (full) {
            w.str(name);
        }
    }
}
