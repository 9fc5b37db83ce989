package org.openst.client;

import java.io.IOException;
import java.util.List;

import org.openst.protocol.LoginInfo;
import org.openst.protocol.im.ImPayload;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One open IM channel (§6.1) with another user, created by this client ({@link
 * SametimeClient#openIm}) or by the server on behalf of the other user ({@link
 * ClientListener#conversationOpened}). Sends are encrypted exactly when a cipher was
 * negotiated. Thread-safe.
 */
@ProviderType
public interface ImConversation {

    /** @return the channel ID on this connection (bit 31 set for incoming conversations) */
    int channelId();

    /** @return true if the server created the channel (the other user started it) */
    boolean incoming();

    /**
     * @return the other user's ID: the target of an outgoing conversation, the creator's user
     *     ID of an incoming one
     */
    String peerUserId();

    /**
     * @return the other end's login as the server described it: the acceptor LoginInfo of an
     *     outgoing conversation, the creator LoginInfo of an incoming one; null if the server
     *     sent none
     */
    LoginInfo peerLogin();

    /** @return the negotiated cipher */
    ChannelCipher cipher();

    /** @return the IM feature set this end uses on the channel (§6.1.1) */
    int features();

    /**
     * Sends a TEXT message.
     *
     * @param text the text
     * @throws IOException if the conversation or the connection is closed
     */
    void sendText(String text) throws IOException;

    /**
     * Sends several TEXT messages, in order, with one write on the connection (one TCP segment
     * when they fit), as a client with messages queued would; the server sees the same frames
     * as from {@link #sendText} one by one.
     *
     * @param texts the texts, in order
     * @throws IOException if the conversation or the connection is closed
     * @since 1.2
     */
    void sendTexts(List<String> texts) throws IOException;

    /**
     * Sends a TYPING data message (subtype 0 = typing, 1 = stopped, as Meanwhile).
     *
     * @param typing true for "is typing", false for "stopped"
     * @throws IOException if the conversation or the connection is closed
     */
    void sendTyping(boolean typing) throws IOException;

    /**
     * Sends an HTML data message, segmented into MULTI_START, 2048-byte chunks and MULTI_STOP
     * when longer than 2048 bytes, like Meanwhile (§6.1.2).
     *
     * @param html the HTML text
     * @throws IOException if the conversation or the connection is closed
     */
    void sendHtml(String html) throws IOException;

    /**
     * Sends any IM payload unchanged (no segmentation).
     *
     * @param payload the payload
     * @throws IOException if the conversation or the connection is closed
     */
    void send(ImPayload payload) throws IOException;

    /** @return true until either side closed the channel or the session ended */
    boolean isOpen();

    /** Closes with reason 0 (normal close); does nothing if already closed. */
    void close();

    /**
     * Sends CHANNEL_DESTROY with this reason; does nothing if already closed.
     *
     * @param reason the reason code
     */
    void close(int reason);
}
