package org.openst.buddylist;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.openst.hub.api.Login;
import org.openst.hub.api.ServiceChannel;
import org.openst.protocol.LoginInfo;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.UserStatus;

/** Hand-written doubles of the hub's types, for unit tests below the wire. */
final class Fakes {
    private Fakes() {
    }

    /** A login with a fixed ID, user and status. */
    record FakeLogin(String loginId, String userId, UserStatus status, PrivacyInfo privacy) implements Login {
        static FakeLogin of(String loginId, String userId, int statusCode) {
            return new FakeLogin(loginId, userId, new UserStatus(statusCode, 0, ""), PrivacyInfo.allowAll());
        }

        @Override
        public String userName() {
            return userId.toUpperCase();
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
        public LoginInfo loginInfo() {
            return new LoginInfo(loginId, 0x1700, userId, userName(), "", false, "", 0, "");
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

    /** One message sent on a {@link FakeChannel}. */
    record Sent(int msgType, byte[] data) {
    }

    /** An open channel that records what is sent on it. */
    static final class FakeChannel implements ServiceChannel {
        final List<Sent> sent = new CopyOnWriteArrayList<>();
        private final Login login;
        private volatile boolean open = true;
        private volatile Object attachment;

        FakeChannel(Login login) {
            this.login = login;
        }

        @Override
        public Login login() {
            return login;
        }

        @Override
        public int serviceType() {
            return 0x11;
        }

        @Override
        public int protoType() {
            return 0x11;
        }

        @Override
        public int protoVersion() {
            return 0x00030005;
        }

        @Override
        public byte[] createData() {
            return new byte[0];
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void accept(byte[] acceptData) {
        }

        @Override
        public void send(int msgType, byte[] data) {
            if (open) {
                sent.add(new Sent(msgType, data));
            }
        }

        @Override
        public void close(int reason, byte[] data) {
            open = false;
        }

        @Override
        public Object attachment() {
            return attachment;
        }

        @Override
        public Object attach(Object a) {
            Object previous = attachment;
            attachment = a;
            return previous;
        }
    }
}
