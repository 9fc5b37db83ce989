package org.openst.client.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.openst.client.ChannelClosedException;
import org.openst.client.ChannelMessage;
import org.openst.client.IncomingChannel;
import org.openst.client.ServiceChannelHandle;
import org.openst.protocol.ChannelAccept;
import org.openst.protocol.ChannelCreate;
import org.openst.protocol.ChannelSend;
import org.openst.protocol.EncryptAccept;
import org.openst.protocol.EncryptOffer;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.LoginInfo;

/**
 * A channel to a service, opened by this client or by the server. Never encrypted: this client
 * offers nothing and accepts with mode NONE. Received messages wait in a queue; a sentinel
 * placed after the last one wakes receivers when the channel closes.
 */
final class ServiceChannel extends ChannelBase implements ServiceChannelHandle, IncomingChannel {
    /** Queued after the last message of a closed channel; compared by identity. */
    private static final ChannelMessage CLOSED = new ChannelMessage(-1, null);

    private final boolean incoming;
    private final int service;
    private final int protoType;
    private final int protoVersion;
    private final byte[] createData;
    private final EncryptOffer offer;
    private final BlockingQueue<ChannelMessage> inbox = new LinkedBlockingQueue<>();
    private final AtomicBoolean answered = new AtomicBoolean();
    private volatile byte[] acceptData = new byte[0];
    private volatile LoginInfo peer;

    private ServiceChannel(ClientSession session, int id, boolean incoming, int service,
            int protoType, int protoVersion, byte[] createData, LoginInfo peer, EncryptOffer offer) {
        super(session, id);
        this.incoming = incoming;
        this.service = service;
        this.protoType = protoType;
        this.protoVersion = protoVersion;
        this.createData = createData == null ? new byte[0] : createData.clone();
        this.peer = peer;
        this.offer = offer;
    }

    static ServiceChannel outgoing(ClientSession session, int id, int service, int protoType,
            int protoVersion, byte[] createData) {
        return new ServiceChannel(session, id, false, service, protoType, protoVersion, createData,
                null, EncryptOffer.none());
    }

    static ServiceChannel incoming(ClientSession session, ChannelCreate c) {
        return new ServiceChannel(session, c.channelId(), true, c.service(), c.protoType(),
                c.protoVersion(), c.addtl(), c.creator(), c.encrypt());
    }

    @Override
    void onAccept(ChannelAccept accept) {
        if (incoming || opened.isDone()) {
            closeForViolation(ErrorCode.ERR_REQUEST_INVALID); // §5.3
            return;
        }
        if (!CipherNegotiation.acceptsNothing(accept.encrypt())) {
            closeForViolation(ErrorCode.ERR_REQUEST_INVALID); // a cipher we never offered (§5.6)
            return;
        }
        acceptData = accept.addtl();
        peer = accept.acceptor();
        opened.complete(null);
    }

    @Override
    void onSend(ChannelSend send) {
        if (send.encrypted()) {
            // §5.7: no cipher was negotiated, so encrypted data cannot be read; say so loudly.
            closeForViolation(ErrorCode.ERR_ENCRYPT_UNINITIALIZED);
            return;
        }
        if (!isClosed()) {
            // Also before our accept of an incoming channel: Meanwhile queues those (§3.9).
            inbox.add(new ChannelMessage(send.msgType(), send.data()));
        }
    }

    @Override
    void afterClose(int reason) {
        inbox.add(CLOSED);
    }

    @Override
    public ServiceChannelHandle accept(byte[] data) throws IOException {
        claimAnswer();
        if (isClosed()) {
            throw new ChannelClosedException(closeReason());
        }
        byte[] addtl = data == null ? new byte[0] : data.clone();
        acceptData = addtl;
        session.send(new ChannelAccept(id, service, protoType, protoVersion, addtl, null,
                EncryptAccept.none()));
        opened.complete(null);
        return this;
    }

    @Override
    public void refuse(int reason, byte[] data) throws IOException {
        claimAnswer();
        if (isClosed()) {
            throw new ChannelClosedException(closeReason());
        }
        closeLocally(reason, data);
    }

    private void claimAnswer() {
        if (!incoming) {
            throw new IllegalStateException("only a server-created channel can be accepted or refused");
        }
        if (!answered.compareAndSet(false, true)) {
            throw new IllegalStateException("channel already accepted or refused");
        }
    }

    @Override
    public void send(int msgType, byte[] data) throws IOException {
        if (!isOpenNow()) {
            throw new ChannelClosedException(isClosed() ? closeReason() : ErrorCode.ERR_FAILURE);
        }
        session.send(ChannelSend.plain(id, msgType, data));
    }

    @Override
    public ChannelMessage receive(Duration timeout) throws IOException {
        ChannelMessage m = take(timeout);
        if (m == null) {
            throw new SocketTimeoutException("no message on channel 0x" + Integer.toHexString(id)
                    + " within " + timeout);
        }
        if (m == CLOSED) {
            throw new ChannelClosedException(closeReason());
        }
        return m;
    }

    @Override
    public ChannelMessage poll(Duration timeout) throws IOException {
        ChannelMessage m = take(timeout);
        return m == CLOSED ? null : m;
    }

    private ChannelMessage take(Duration timeout) throws InterruptedIOException {
        try {
            ChannelMessage m = inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (m == CLOSED) {
                inbox.add(CLOSED); // leave it for the next receiver
            }
            return m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while receiving");
        }
    }

    @Override
    public int awaitClosed(Duration timeout) throws IOException {
        try {
            if (!closedLatch().await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new SocketTimeoutException("channel 0x" + Integer.toHexString(id)
                        + " still open after " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for close");
        }
        return closeReason();
    }

    @Override
    public int channelId() {
        return id;
    }

    @Override
    public int service() {
        return service;
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
    public byte[] acceptData() {
        return acceptData.clone();
    }

    @Override
    public LoginInfo peer() {
        return peer;
    }

    @Override
    public LoginInfo creator() {
        return incoming ? peer : null;
    }

    @Override
    public EncryptOffer offer() {
        return offer;
    }

    @Override
    public boolean isOpen() {
        return isOpenNow();
    }

    @Override
    public void close() {
        close(ErrorCode.ERR_SUCCESS, null);
    }

    @Override
    public void close(int reason, byte[] data) {
        closeLocally(reason, data);
    }

    @Override
    public String toString() {
        return String.format("ServiceChannel[channel=0x%08X, service=0x%08X, %s, open=%b]", id,
                service, incoming ? "incoming" : "outgoing", isOpenNow());
    }
}
