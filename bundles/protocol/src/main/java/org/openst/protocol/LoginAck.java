package org.openst.protocol;

/**
 * LOGIN_ACK {@code 0x8001} (§3.4, S→C): login accepted. The client ignores privacy and status,
 * so also send SET_PRIVACY_LIST when the stored list is not empty (§3.4 REC).
 *
 * @param login the new login; login_id and user_id must be non-empty (§1.2.1 REC)
 * @param unknown u16 after the LoginInfo; send 0
 * @param privacy the user's privacy list (null becomes allow-all)
 * @param status the initial status (null becomes ACTIVE)
 */
public record LoginAck(LoginInfo login, int unknown, PrivacyInfo privacy, UserStatus status)
        implements Message {

    /** Requires login; defaults privacy and status. */
    public LoginAck {
        if (login == null) {
            throw new IllegalArgumentException("login is required");
        }
        unknown &= 0xFFFF;
        privacy = privacy == null ? PrivacyInfo.allowAll() : privacy;
        status = status == null ? UserStatus.active() : status;
    }

    @Override
    public int type() {
        return MessageType.LOGIN_ACK;
    }

    @Override
    public int channel() {
        return 0;
    }

    static LoginAck readBody(WireReader r) {
        LoginInfo login = LoginInfo.read(r);
        int unknown = r.u16();
        PrivacyInfo privacy = PrivacyInfo.read(r);
        return new LoginAck(login, unknown, privacy, UserStatus.read(r));
    }

    void writeBody(WireWriter w) {
        login.write(w);
        w.u16(unknown);
        privacy.write(w);
        status.write(w);
    }
}
