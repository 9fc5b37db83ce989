package org.openst.support.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.openst.hub.api.Login;
import org.openst.hub.api.ServiceChannel;

/**
 * A service channel that records what a provider does with it: the sends (with the very arrays
 * passed, so tests can check that one array is shared), whether it was accepted, and the reason it
 * was closed with. Like the hub's channel it drops sends once closed.
 */
public final class FakeChannel implements ServiceChannel {

    /** One send. */
    public record Sent(int msgType, byte[] data) {
    }

    /** What was sent, in order. */
    public final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final Login login;
    private final int serviceType;
    private final int protoType;
    private final int protoVersion;
    private final byte[] createData;
    private volatile boolean accepted;
    private volatile Integer closedWith;
    private volatile Object attachment;

    public FakeChannel(Login login, int serviceType, int protoType, int protoVersion, byte[] createData) {
        this.login = login;
        this.serviceType = serviceType;
        this.protoType = protoType;
        this.protoVersion = protoVersion;
        this.createData = createData.clone();
    }

    /** Whether the provider accepted the channel. */
    public boolean accepted() {
        return accepted;
    }

    /** The reason the provider closed the channel with; null while open. */
    public Integer closedWith() {
        return closedWith;
    }

    @Override
    public Login login() {
        return login;
    }

    @Override
    public int serviceType() {
        return serviceType;
    }

    @Override
    public int protoType() {
        return protoType;
    }

    @Override
    public int protoVersion() {
        return protoVersion;
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
        if (isOpen()) {
            sent.add(new Sent(msgType, data));
        }
    }

    @Override
    public synchronized void close(int reason, byte[] data) {
        if (closedWith == null) {
            closedWith = reason;
        }
    }

    @Override
    public Object attachment() {
        return attachment;
    }

    @Override
    public synchronized Object attach(Object newAttachment) {
        Object previous = attachment;
        attachment = newAttachment;
        return previous;
    }
}
