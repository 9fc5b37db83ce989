package org.openst.protocol;

/**
 * The User Status block (§1.2.4). Null desc becomes "".
 *
 * @param status status code (§7.1, {@link UserStatusCode}); u16 on the wire
 * @param time seconds since the epoch at which the user became idle, else 0; u32 on the wire
 * @param desc status message
 */
public record UserStatus(int status, long time, String desc) {

    /** Normalises null desc and keeps the fields inside their wire ranges. */
    public UserStatus {
        status &= 0xFFFF;
        time &= 0xFFFF_FFFFL;
        desc = Strings.orEmpty(desc);
    }

    /** @return ACTIVE, time 0, no text: the REC initial status of LOGIN_ACK (§3.4) */
    public static UserStatus active() {
        return new UserStatus(UserStatusCode.ACTIVE, 0, "");
    }

    /** @return OFFLINE (0), time 0, no text: what an offline snapshot reads back as */
    public static UserStatus offline() {
        return new UserStatus(UserStatusCode.OFFLINE, 0, "");
    }

    /**
     * @param r reader
     * @return the block
     * @throws ProtocolException if truncated
     */
    public static UserStatus read(WireReader r) {
        int status = r.u16();
        long time = r.u32L();
        return new UserStatus(status, time, r.str());
    }

    /** @param w writer */
    public void write(WireWriter w) {
        w.u16(status).u32((int) time).str(desc);
    }
}
