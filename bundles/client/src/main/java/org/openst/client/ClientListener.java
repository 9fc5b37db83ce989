package org.openst.client;

import org.openst.protocol.LoginInfo;
import org.openst.protocol.Message;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.UserStatus;
import org.openst.protocol.im.ImPayload;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the events of one {@link SametimeClient}. Every method has an empty default, so an
 * implementation overrides only what it needs.
 *
 * <p>Threading: all calls come from the connection's single reader thread, in the order the
 * messages arrived. Return quickly. Non-blocking client calls (sends, {@code close()},
 * {@link IncomingChannel#accept}) are allowed from a callback; calls that wait for the server
 * ({@code login}, {@code openIm}, {@code openServiceChannel}) are not, because the reply they
 * wait for would be read by this very thread — they fail with {@link IllegalStateException}.
 * An exception thrown by a callback is caught and ignored.
 */
@ConsumerType
public interface ClientListener {

    /**
     * Every decoded message, before the client acts on it; for protocol tests.
     *
     * @param message the message as decoded (CHANNEL_SEND data still encrypted)
     */
    default void messageReceived(Message message) {
    }

    /**
     * The server created an IM channel to this client and the client accepted it (§6.1.1).
     *
     * @param conversation the new conversation; its peer is the creator
     */
    default void conversationOpened(ImConversation conversation) {
    }

    /**
     * An IM message arrived (decrypted). Segmented HTML/MIME messages (MULTI_START … MULTI_STOP,
     * §6.1.2) are delivered once, reassembled, as one {@link ImPayload.Data}.
     *
     * @param conversation where it arrived
     * @param payload the message
     */
    default void imReceived(ImConversation conversation, ImPayload payload) {
    }

    /**
     * A conversation was closed by the other side or the server (CHANNEL_DESTROY), or because
     * the session ended. Not called for {@link ImConversation#close()}.
     *
     * @param conversation the conversation
     * @param reason the destroy reason, or the session's end reason
     */
    default void conversationClosed(ImConversation conversation, int reason) {
    }

    /**
     * The server created a channel that is not an IM channel (conference invitation, file
     * offer, ...). It stays pending until {@link IncomingChannel#accept} or {@link
     * IncomingChannel#refuse} is called, possibly later from another thread, like an invitation
     * waiting for the user.
     *
     * @param channel the pending channel
     */
    default void serverChannelCreated(IncomingChannel channel) {
    }

    /**
     * ADMIN message (§3.14).
     *
     * @param text the administrator's text
     */
    default void adminMessage(String text) {
    }

    /**
     * ANNOUNCE from another user (§3.15).
     *
     * @param sender the sender's login, or null if the server did not send one
     * @param text the announcement
     */
    default void announcement(LoginInfo sender, String text) {
    }

    /**
     * SENSE_SERVICE from the server: "service X is available" (§3.13).
     *
     * @param service the service type
     */
    default void senseService(int service) {
    }

    /**
     * SET_USER_STATUS from the server: it changed this user's own status (§3.11).
     *
     * @param status the new status
     */
    default void statusSet(UserStatus status) {
    }

    /**
     * SET_PRIVACY_LIST from the server: this user's privacy list (§3.12).
     *
     * @param privacy the list
     */
    default void privacySet(PrivacyInfo privacy) {
    }

    /**
     * The session ended; called exactly once per client. The reason is the one of the server's
     * CHANNEL_DESTROY on channel 0; 0 after {@link SametimeClient#logout}; {@code
     * CONNECTION_CLOSED} ({@code 0x80000226}) after {@link SametimeClient#close} or when the
     * server closed the socket without a destroy; {@code CONNECTION_BROKEN} ({@code
     * 0x80000221}) on a socket error; {@code PROTOCOL_ERROR} ({@code 0x8000020F}) or {@code
     * FAT_MESSAGE} ({@code 0x80000209}) when the client dropped the connection because of
     * malformed or oversized input.
     *
     * @param reason the reason code
     */
    default void disconnected(int reason) {
    }
}
