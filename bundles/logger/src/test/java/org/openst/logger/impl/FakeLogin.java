package org.openst.logger.impl;

import java.net.InetSocketAddress;
import java.time.Instant;

import org.openst.hub.api.Login;
import org.openst.protocol.LoginInfo;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.UserStatus;

/** A login for listener calls; the Logger reads none of it (statistics carry no user names). */
record FakeLogin(String userId) implements Login {
    @Override
    public String loginId() {
        return "hub1:" + userId;
    }

    @Override
    public String userName() {
        return userId;
    }

    @Override
    public int loginType() {
        return 0x1700;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 1);
    }

    @Override
    public Instant since() {
        return Instant.EPOCH;
    }

    @Override
    public UserStatus status() {
        return new UserStatus(0x20, 0, "");
    }

    @Override
    public PrivacyInfo privacy() {
        return PrivacyInfo.allowAll();
    }

    @Override
    public LoginInfo loginInfo() {
        return new LoginInfo(loginId(), 0x1700, userId, userId, "", false, "", 0, "");
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
