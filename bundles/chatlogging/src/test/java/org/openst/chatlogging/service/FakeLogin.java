package org.openst.chatlogging.service;

import java.net.InetSocketAddress;
import java.time.Instant;

import org.openst.hub.api.Login;
import org.openst.protocol.LoginInfo;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.UserStatus;

/** A login with just the names the IM observer reads. */
record FakeLogin(String loginId, String userId, String userName) implements Login {

    @Override
    public int loginType() {
        return 0x1000;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 40000);
    }

    @Override
    public Instant since() {
        return Entries.T0;
    }

    @Override
    public UserStatus status() {
        return null;
    }

    @Override
    public PrivacyInfo privacy() {
        return null;
    }

    @Override
    public LoginInfo loginInfo() {
        return null;
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
