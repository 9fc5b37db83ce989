package org.openst.conference;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.openst.hub.api.Login;
import org.openst.hub.api.ServiceChannel;
import org.openst.protocol.LoginInfo;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.UserStatus;

/** A service channel that records what the service does with it, array instances included. */
final class FakeChannel implements ServiceChannel {

    /** One send, with the very array the service passed. */
    record Sent(int msgType, byte[] data) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final FakeLogin login;
    private final byte[] createData;
    volatile boolean accepted;
    volatile Integer closedWith;
    private volatile Object attachment;

    FakeChannel(String userId, byte[] createData) {
        this.login = new FakeLogin(userId);
        this.createData = createData;
    }

    @Override
    public Login login() {
        return login;
    }

    @Override
    public int serviceType() {
        return ConfWire.SERVICE;
    }

    @Override
    public int protoType() {
        return ConfWire.PROTO_TYPE;
    }

    @Override
    public int protoVersion() {
        return ConfWire.PROTO_VERSION;
    }

    @Override
    public byte[] createData() {
        return createData.clone();
    }

    @Override
    public boolean isOpen() {
        return closedWith == null;
    }

    @Override
    public void accept(byte[] acceptData) {
        accepted = true;
    }

    @Override
    public void send(int msgType, byte[] data) {
        sent.add(new Sent(msgType, data));
    }

    @Override
    public void close(int reason, byte[] data) {
        if (closedWith == null) {
            closedWith = reason;
        }
    }

    @Override
    public Object attachment() {
        return attachment;
    }

    @Override
    public Object attach(Object newAttachment) {
        Object previous = attachment;
        attachment = newAttachment;
        return previous;
    }

    /** A login with a fixed identity. */
    static final class FakeLogin implements Login {
        private final String userId;

        FakeLogin(String userId) {
            this.userId = userId;
        }

        @Override
        public String loginId() {
            return userId + "-login#hub1";
        }

        @Override
        public String userId() {
            return userId;
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
            return new InetSocketAddress("127.0.0.1", 40000);
        }

        @Override
        public Instant since() {
            return Instant.EPOCH;
        }

        @Override
        public UserStatus status() {
            return null;
        }

        @Override
        public PrivacyInfo privacy() {
            return PrivacyInfo.allowAll();
        }

        @Override
        public LoginInfo loginInfo() {
            return LoginInfo.brief(loginId(), loginType(), userId, userName(), "");
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
}
