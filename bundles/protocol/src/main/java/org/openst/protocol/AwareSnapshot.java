package org.openst.protocol;

/**
 * The Awareness Snapshot block (§1.2.6): one user's presence.
 *
 * <p>When {@code online} is false the fields altId/status/name are not on the wire; they are
 * normalised to "", {@link UserStatus#offline()} and "". A null status becomes offline().
 *
 * @param id whose status this is, echoed exactly as the client added it (§5.9)
 * @param group "" or, for a member of a subscribed group, the group's ID (§6.2.4)
 * @param online whether the user is online
 * @param altId alternative ID (the user's login ID, §6.2.1 REC)
 * @param status the user's status
 * @param name display name
 */
public record AwareSnapshot(AwareIdBlock id, String group, boolean online, String altId,
        UserStatus status, String name) {

    /** Normalises nulls and the absent fields of an offline block. */
    public AwareSnapshot {
        if (id == null) {
            throw new IllegalArgumentException("id is required");
        }
        group = Strings.orEmpty(group);
        altId = online ? Strings.orEmpty(altId) : "";
        status = online && status != null ? status : UserStatus.offline();
        name = online ? Strings.orEmpty(name) : "";
    }

    /**
     * @param id whose status
     * @return an offline block (nothing after the flag)
     */
    public static AwareSnapshot offline(AwareIdBlock id) {
        return new AwareSnapshot(id, "", false, "", null, "");
    }

    /**
     * Reads a block and skips any extension bytes up to its declared end. block_len is taken
     * as the block size including its own 4 bytes, counted from the block start (§1.2.6 REC);
     * a block_len smaller than what was read is ignored, as Meanwhile does.
     *
     * @param r reader positioned at block_len
     * @return the block
     * @throws ProtocolException if truncated or block_len points past the end
     */
    public static AwareSnapshot read(WireReader r) {
        int start = r.position();
        long blockLen = r.u32L();
        AwareIdBlock id = AwareIdBlock.read(r);
        String group = r.str();
        boolean online = r.bool();
        AwareSnapshot s;
        if (online) {
            String altId = r.str();
            UserStatus status = UserStatus.read(r);
            s = new AwareSnapshot(id, group, true, altId, status, r.str());
        } else {
            s = new AwareSnapshot(id, group, false, "", null, "");
        }
        long unread = start + blockLen - r.position();
        if (unread > 0) {
            if (unread > r.remaining()) {
                throw new ProtocolException("snapshot block_len " + blockLen + " exceeds remaining "
                        + r.remaining() + " bytes at offset " + start);
            }
            r.skip((int) unread);
        }
        return s;
    }

    /**
     * Writes the block with block_len = total block size including the 4 length bytes and no
     * extension (§1.2.6 REC).
     *
     * @param w writer
     */
    public void write(WireWriter w) {
        WireWriter body = new WireWriter();
        id.write(body);
        body.str(group).bool(online);
        if (online) {
            body.str(altId);
            status.write(body);
            body.str(name);
        }
        w.u32(body.size() + 4).raw(body.toByteArray());
    }
}
