package org.openst.support.testing;

import java.net.InetSocketAddress;
import java.time.Instant;

import org.openst.hub.api.Login;
import org.openst.protocol.LoginInfo;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.UserStatus;
import org.openst.protocol.UserStatusCode;

/**
 * A login with a fixed identity, for unit tests below the wire: an active (not guest) Sametime
 * client login (type {@code 0x1700}) from 127.0.0.1 that may use every service.
 */
public record FakeLogin(String loginId, String userId, String userName, UserStatus status, PrivacyInfo privacy)
        implements Login {

    private static final int LOGIN_TYPE = 0x1700;

    /** {@code alice}: login ID {@code alice-login#hub1}, name {@code ALICE}, active, allowing everybody. */
    public static FakeLogin of(String userId) {
        return of(userId + "-login#hub1", userId, UserStatusCode.ACTIVE);
    }

    /** A login in the given status, named as the user ID in capitals, allowing everybody. */
    public static FakeLogin of(String loginId, String userId, int statusCode) {
        return new FakeLogin(loginId, userId, userId.toUpperCase(), new UserStatus(statusCode, 0, ""),
                PrivacyInfo.allowAll());
    }

    /** An active login with the given names, allowing everybody. */
    public static FakeLogin named(String loginId, String userId, String userName) {
        return new FakeLogin(loginId, userId, userName, new UserStatus(UserStatusCode.ACTIVE, 0, ""),
                PrivacyInfo.allowAll());
    }

    @Override
    public int loginType() {
        return LOGIN_TYPE;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 40000);
    }

    @Override
    public Instant since() {
        return Instant.EPOCH;
    }

    @Override
    public LoginInfo loginInfo() {
        return LoginInfo.brief(loginId, LOGIN_TYPE, userId, userName, "");
    }

    @Override
    public boolean isGuest() {
        return false;
    }

    @Override
    public boolean mayUse(int serviceType) {
        return true;
    }

    @Override
    public boolean isActive() {
        return true;
    }
}
