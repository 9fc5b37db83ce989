package org.openst.client.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;

import org.openst.client.ChannelCipher;
import org.openst.client.ChannelClosedException;
import org.openst.client.ImConversation;
import org.openst.protocol.ChannelAccept;
import org.openst.protocol.ChannelSend;
import org.openst.protocol.CipherId;
import org.openst.protocol.EncryptAccept;
import org.openst.protocol.EncryptOffer;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.HeaderOption;
import org.openst.protocol.LoginInfo;
import org.openst.protocol.MessageCodec;
import org.openst.protocol.ProtocolException;
import org.openst.protocol.im.ImCreateData;
import org.openst.protocol.im.ImPayload;

/** An IM channel (§6.1) in either direction. */
final class ImChannel extends ChannelBase implements ImConversation {
    /** §6.1 proto type and version of the IM service. */
    static final int PROTO_TYPE = 0x00001000;
    static final int PROTO_VERSION = 0x00000003;
    /** §6.1.2 Meanwhile's segment size for long HTML/MIME texts. */
    static final int SEGMENT = 2048;

    private static final System.Logger LOG = System.getLogger(ImChannel.class.getName());

    private final boolean incoming;
    private final String peerUserId;
    private final int features;
    /** What we offered (outgoing only); the accept's choice must be among it (§5.6). */
    private final EncryptOffer sentOffer;
    /** Held across encrypt + write so the RC2 chain matches wire order (§4.3). */
    private final Object sendLock = new Object();
    private volatile LoginInfo peer;
    private volatile ChannelCrypto crypto = ChannelCrypto.NONE;

    // Reassembly of MULTI_START ... MULTI_STOP (§6.1.2); reader thread only.
    private ByteArrayOutputStream multi;
    private int multiType;

    private ImChannel(ClientSession session, int id, boolean incoming, String peerUserId,
            LoginInfo peer, int features, EncryptOffer sentOffer) {
        super(session, id);
        this.incoming = incoming;
        this.peerUserId = peerUserId;
        this.peer = peer;
        this.features = features;
        this.sentOffer = sentOffer;
    }

    static ImChannel outgoing(ClientSession session, int id, String userId, int features,
            EncryptOffer offer) {
        return new ImChannel(session, id, false, userId, null, features, offer);
    }

    /** An accepted incoming channel: open at once, with the cipher already chosen. */
    static ImChannel incoming(ClientSession session, int id, LoginInfo creator, int features,
            ChannelCrypto crypto) {
        ImChannel ch = new ImChannel(session, id, true, creator == null ? "" : creator.userId(),
                creator, features, EncryptOffer.none());
        ch.crypto = crypto;
        ch.opened.complete(null);
        return ch;
    }

    @Override
    void onAccept(ChannelAccept accept) {
        if (incoming || opened.isDone()) {
            // §5.3: an accept for a channel that is not ours and waiting is a protocol violation.
            closeForViolation(ErrorCode.ERR_REQUEST_INVALID);
            return;
        }
        EncryptAccept enc = accept.encrypt();
        ChannelCrypto c = ChannelCrypto.NONE;
        if (!CipherNegotiation.acceptsNothing(enc)) {
            int cipher = enc.item().cipherId();
            if (!CipherNegotiation.offered(sentOffer, cipher)) {
                closeForViolation(ErrorCode.ERR_REQUEST_INVALID); // §5.6, as Meanwhile
                return;
            }
            try {
                c = cipher == CipherId.RC2_128
                        ? ChannelCrypto.rc2_128(session.channelKeys(), enc.item().info())
                        : ChannelCrypto.rc2_40(session.ownLoginId(),
                                accept.acceptor() == null ? null : accept.acceptor().loginId());
            } catch (IllegalArgumentException badKey) {
                closeForViolation(ErrorCode.ERR_ENCRYPT_INVALID);
                return;
            }
        }
        peer = accept.acceptor();
        crypto = c;
        opened.complete(null);
    }

    @Override
    void onSend(ChannelSend send) {
        if (send.msgType() != ImCreateData.MSG_TYPE || isClosed()) {
            return; // Meanwhile ignores other message types on IM channels.
        }
        byte[] data = send.data();
        if (send.encrypted()) {
            if (!crypto.active()) {
                // §5.7: never treat ciphertext as plain text; make the server's mistake visible.
                closeForViolation(ErrorCode.ERR_ENCRYPT_UNINITIALIZED);
                return;
            }
            try {
                data = crypto.decrypt(data);
            } catch (GeneralSecurityException e) {
                LOG.log(System.Logger.Level.WARNING, "undecryptable IM on channel " + id, e);
                closeForViolation(ErrorCode.ERR_ENCRYPT_INVALID);
                return;
            }
        }
        ImPayload payload;
        try {
            payload = ImPayload.decode(data);
        } catch (ProtocolException e) {
            LOG.log(System.Logger.Level.WARNING, "malformed IM on channel " + id, e);
            return;
        }
        deliver(payload);
    }

    /** Delivers a payload, reassembling segmented messages like Meanwhile (§6.1.2). */
    private void deliver(ImPayload p) {
        int dataType = p instanceof ImPayload.Data d ? d.dataType() : -1;
        if (dataType == ImPayload.DATA_MULTI_START) {
            multi = new ByteArrayOutputStream();
            multiType = 0;
            return;
        }
        if (dataType == ImPayload.DATA_MULTI_STOP) {
            if (multi != null) {
                byte[] whole = multi.toByteArray();
                ImPayload joined = multiType == 0
                        ? new ImPayload.Text(new String(whole, StandardCharsets.UTF_8))
                        : new ImPayload.Data(multiType, 0, whole);
                multi = null;
                session.notifyIm(this, joined);
            }
            return;
        }
        if (multi != null) {
            if (p instanceof ImPayload.Text t) {
                multi.writeBytes(t.text().getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (dataType == ImPayload.DATA_HTML || dataType == ImPayload.DATA_MIME) {
                multi.writeBytes(((ImPayload.Data) p).data());
                multiType = dataType;
                return;
            }
        }
        session.notifyIm(this, p);
    }

    @Override
    void closedByOtherSide(int reason) {
        session.notifyConversationClosed(this, reason);
    }

    @Override
    public int channelId() {
        return id;
    }

    @Override
    public boolean incoming() {
        return incoming;
    }

    @Override
    public String peerUserId() {
        return peerUserId;
    }

    @Override
    public LoginInfo peerLogin() {
        return peer;
    }

    @Override
    public ChannelCipher cipher() {
        return crypto.kind();
    }

    @Override
    public int features() {
        return features;
    }

    @Override
    public void sendText(String text) throws IOException {
        send(new ImPayload.Text(text));
    }

    @Override
    public void sendTyping(boolean typing) throws IOException {
        send(new ImPayload.Typing(typing));
    }

    @Override
    public void sendHtml(String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= SEGMENT) {
            send(new ImPayload.Data(ImPayload.DATA_HTML, 0, bytes));
            return;
        }
        // One lock for all pieces so no other message of ours lands between START and STOP.
        synchronized (sendLock) {
            send(new ImPayload.Data(ImPayload.DATA_MULTI_START, 0, null));
            for (int off = 0; off < bytes.length; off += SEGMENT) {
                byte[] chunk = Arrays.copyOfRange(bytes, off, Math.min(bytes.length, off + SEGMENT));
                send(new ImPayload.Data(ImPayload.DATA_HTML, 0, chunk));
            }
            send(new ImPayload.Data(ImPayload.DATA_MULTI_STOP, 0, null));
        }
    }

    @Override
    public void send(ImPayload payload) throws IOException {
        byte[] plain = payload.encode();
        synchronized (sendLock) {
            checkOpen();
            session.send(message(plain));
        }
    }

    @Override
    public void sendTexts(List<String> texts) throws IOException {
        if (texts.isEmpty()) {
            return;
        }
        ByteArrayOutputStream frames = new ByteArrayOutputStream(texts.size() * 96);
        // Under the send lock: the RC2 chain advances in the order the frames are written (§4.3).
        synchronized (sendLock) {
            checkOpen();
            for (String text : texts) {
                frames.writeBytes(MessageCodec.encodeFrame(message(new ImPayload.Text(text).encode())));
            }
            session.sendFrames(frames.toByteArray());
        }
    }

    private void checkOpen() throws ChannelClosedException {
        if (!isOpenNow()) {
            throw new ChannelClosedException(isClosed() ? closeReason() : ErrorCode.ERR_FAILURE);
        }
    }

    /** The CHANNEL_SEND of one payload, encrypted when a cipher was negotiated; under the send lock. */
    private ChannelSend message(byte[] plain) {
        ChannelCrypto c = crypto;
        return c.active()
                ? new ChannelSend(id, HeaderOption.ENCRYPT, ImCreateData.MSG_TYPE, c.encrypt(plain))
                : ChannelSend.plain(id, ImCreateData.MSG_TYPE, plain);
    }

    @Override
    public boolean isOpen() {
        return isOpenNow();
    }

    @Override
    public void close() {
        close(ErrorCode.ERR_SUCCESS);
    }

    @Override
    public void close(int reason) {
        closeLocally(reason, null);
    }

    @Override
    public String toString() {
        return String.format("ImConversation[channel=0x%08X, peer=%s, %s, cipher=%s, open=%b]", id,
                peerUserId, incoming ? "incoming" : "outgoing", crypto.kind(), isOpenNow());
    }
}
