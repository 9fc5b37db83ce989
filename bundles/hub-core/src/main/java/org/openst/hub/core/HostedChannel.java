package org.openst.hub.core;

import java.util.concurrent.atomic.AtomicReference;

import org.openst.hub.api.Login;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.openst.hub.api.ServiceChannel;
import org.openst.hub.api.ServiceProvider;
import org.openst.protocol.ChannelAccept;
import org.openst.protocol.ChannelDestroy;
import org.openst.protocol.ChannelSend;
import org.openst.protocol.EncryptAccept;
import org.openst.protocol.ErrorCode;

/**
 * A channel between a client and a server application: the hub terminates it and hands plain
 * service messages to the {@link ServiceProvider} (spec §5.8 "Terminate").
 */
public final class HostedChannel implements Channel, ServiceChannel {
    private static final Logger LOG = LoggerFactory.getLogger(HostedChannel.class);

    /** Life cycle of a hosted channel. */
    enum State {
        /** The client created it; the provider has not accepted yet. */
        AWAIT_PROVIDER_ACCEPT,
        /** The provider created it (Community.openChannel); the client has not accepted yet. */
        AWAIT_CLIENT_ACCEPT,
        OPEN,
        CLOSED
    }

    private final ClientSession session;
    private final int id;
    private final ServiceProvider provider;
    private final int serviceType;
    private final int protoType;
    private final int protoVersion;
    private final byte[] createData;
    private final AtomicReference<State> state;
    private volatile Object attachment;

    HostedChannel(ClientSession session, int id, ServiceProvider provider, int serviceType, int protoType,
            int protoVersion, byte[] createData, State initial) {
        this.session = session;
        this.id = id;
        this.provider = provider;
        this.serviceType = serviceType;
        this.protoType = protoType;
        this.protoVersion = protoVersion;
        this.createData = createData == null ? new byte[0] : createData;
        this.state = new AtomicReference<>(initial);
    }

    int id() {
        return id;
    }

    ServiceProvider provider() {
        return provider;
    }

    @Override
    public Login login() {
        return session;
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
        State s = state.get();
        return s != State.CLOSED;
    }

    @Override
    public void accept(byte[] acceptData) {
        if (state.compareAndSet(State.AWAIT_PROVIDER_ACCEPT, State.OPEN)) {
            // No acceptor block and no cipher: the server end of a service channel (spec §5.5 example).
            session.send(new ChannelAccept(id, serviceType, protoType, protoVersion,
                    acceptData == null ? new byte[0] : acceptData, null, EncryptAccept.none()));
        }
    }

    @Override
    public void send(int msgType, byte[] data) {
        // Spec §5.3 [REC]: never send on a channel before it is accepted.
        if (state.get() == State.OPEN) {
            session.send(new ChannelSend(id, 0, msgType, data == null ? new byte[0] : data));
        }
    }

    @Override
    public void close(int reason, byte[] data) {
        if (markClosed()) {
            session.forgetChannel(id, this);
            session.send(new ChannelDestroy(id, reason, data == null ? new byte[0] : data));
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

    /** The client accepted a channel the provider opened; true when that was expected. */
    boolean clientAccepted() {
        return state.compareAndSet(State.AWAIT_CLIENT_ACCEPT, State.OPEN);
    }

    /** True when the channel is open for traffic in both directions. */
    boolean isEstablished() {
        return state.get() == State.OPEN;
    }

    /** Claims the close: true for exactly one caller. */
    boolean markClosed() {
        return state.getAndSet(State.CLOSED) != State.CLOSED;
    }

    @Override
    public String toString() {
        return "channel 0x" + Integer.toHexString(id) + " of " + session.describe() + " (service 0x"
                + Integer.toHexString(serviceType) + ")";
    }

    /**
     * The client end went away (destroy, protocol violation or the login's end): the provider
     * hears of it once.
     */
    void closedByClient(int reason, byte[] data) {
        if (markClosed()) {
            session.forgetChannel(id, this);
            callProvider("channelClosed", () -> provider.channelClosed(this, reason, data == null ? new byte[0] : data));
        }
    }

    /** Calls the provider; a provider that throws loses this channel, never the session. */
    void callProvider(String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("service 0x{} ({}) failed in {} on {}", Integer.toHexString(serviceType),
                    provider.getClass().getName(), what, this, e);
            close(ErrorCode.ERR_FAILURE);
        }
    }
}
