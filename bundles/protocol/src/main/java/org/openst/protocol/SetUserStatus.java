package org.openst.protocol;

/**
 * SET_USER_STATUS {@code 0x0009} (§3.11, both directions).
 *
 * @param status the new own status (null becomes ACTIVE)
 */
public record SetUserStatus(UserStatus status) implements Message {

    /** Defaults a null status. */
    public SetUserStatus {
        status = status == null ? UserStatus.active() : status;
    }

    @Override
    public int type() {
        return MessageType.SET_USER_STATUS;
    }

    @Override
    public int channel() {
        return 0;
    }

    static SetUserStatus readBody(WireReader r) {
        return new SetUserStatus(UserStatus.read(r));
    }

    void writeBody(WireWriter w) {
        status.write(w);
    }
}
