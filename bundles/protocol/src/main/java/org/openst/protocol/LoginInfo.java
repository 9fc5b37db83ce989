package org.openst.protocol;

/**
 * The Login Info block (§1.2.1): who a login is. Sent in LOGIN_ACK and as creator / acceptor /
 * sender of channels and announcements.
 *
 * <p>When {@code full} is false, {@code desc}, {@code ipAddress} and {@code serverId} are not
 * on the wire; the constructor normalises them to ""/0/"" so decode(encode(x)) equals x.
 * Null strings become "".
 *
 * @param loginId ID of this login, unique per connection; first 5 bytes are RC2/40 key material (§5.7)
 * @param loginType client type (§1.3, {@link ClientType})
 * @param userId community-unique user ID
 * @param userName display name
 * @param community community name; "" for the own community (§5.9)
 * @param full whether desc/ipAddress/serverId follow
 * @param desc free description
 * @param ipAddress IPv4 address of that login, big-endian as an int (127.0.0.1 = 0x7F000001)
 * @param serverId ID of the server holding that login
 */
public record LoginInfo(String loginId, int loginType, String userId, String userName,
        String community, boolean full, String desc, int ipAddress, String serverId) {

    /** Normalises nulls and the absent fields of a short block. */
    public LoginInfo {
        loginId = Strings.orEmpty(loginId);
        userId = Strings.orEmpty(userId);
        userName = Strings.orEmpty(userName);
        community = Strings.orEmpty(community);
        desc = full ? Strings.orEmpty(desc) : "";
        ipAddress = full ? ipAddress : 0;
        serverId = full ? Strings.orEmpty(serverId) : "";
    }

    /**
     * A block without fields 7–9.
     *
     * @param loginId login ID
     * @param loginType client type
     * @param userId user ID
     * @param userName display name
     * @param community community ("" = own)
     * @return the short block
     */
    public static LoginInfo brief(String loginId, int loginType, String userId, String userName,
            String community) {
        return new LoginInfo(loginId, loginType, userId, userName, community, false, "", 0, "");
    }

    /**
     * Reads a block.
     *
     * @param r reader
     * @return the block
     * @throws ProtocolException if truncated
     */
    public static LoginInfo read(WireReader r) {
        String loginId = r.str();
        int loginType = r.u16();
        String userId = r.str();
        String userName = r.str();
        String community = r.str();
        boolean full = r.bool();
        if (!full) {
            return new LoginInfo(loginId, loginType, userId, userName, community, false, "", 0, "");
        }
        String desc = r.str();
        int ip = r.u32();
        String serverId = r.str();
        return new LoginInfo(loginId, loginType, userId, userName, community, true, desc, ip, serverId);
    }

    /**
     * Writes the block; fields 7–9 only when {@code full}.
     *
     * @param w writer
     */
    public void write(WireWriter w) {
        w.str(loginId).u16(loginType).str(userId).str(userName).str(community).bool(full);
        if (full) {
            w.str(desc).u32(ipAddress).str(serverId);
        }
    }
}
