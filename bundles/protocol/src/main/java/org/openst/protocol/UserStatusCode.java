package org.openst.protocol;

/** Values of {@link UserStatus#status()} (§7.1). Pidgin compares them for equality. */
public final class UserStatusCode {
    /** §7.1 offline; on the wire an offline user is reported with online = false instead. */
    public static final int OFFLINE = 0x0000;
    /** §7.1 available. */
    public static final int ACTIVE = 0x0020;
    /** §7.1 idle (with the idle-since time). */
    public static final int IDLE = 0x0040;
    /** §7.1 away. */
    public static final int AWAY = 0x0060;
    /** §7.1 do not disturb; such clients refuse new IM channels. */
    public static final int BUSY = 0x0080;
    /** §7.1 flag OR-ed onto the value for mobile users. */
    public static final int MOBILE = 0x0200;

    private UserStatusCode() {
    }
}
