package org.openst.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.openst.protocol.LoginInfo;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.UserStatus;
import org.openst.protocol.im.ImPayload;

/**
 * A {@link ClientListener} that queues every event by kind, for tests and load generators that
 * want to wait for "the next IM" instead of writing callbacks. Each {@code await...} method
 * takes the oldest unconsumed event of its kind, waiting up to the timeout.
 *
 * <p>Raw {@link ClientListener#messageReceived} events are not recorded (a long-running client
 * would accumulate them); override that method in a subclass if needed. Thread-safe.
 */
public class EventCollector implements ClientListener {

    /**
     * An IM received.
     *
     * @param conversation where it arrived
     * @param payload the message
     */
    public record Im(ImConversation conversation, ImPayload payload) {
        /**
         * @return the text of a TEXT message or of an HTML/SUBJECT/MIME data message
         * @throws IllegalStateException for typing notifications
         */
        public String text() {
            if (payload instanceof ImPayload.Text t) {
                return t.text();
            }
            if (payload instanceof ImPayload.Data d) {
                return d.text();
            }
            throw new IllegalStateException("not a text message: " + payload);
        }
    }

    /**
     * A conversation closed by the other side or the session end.
     *
     * @param conversation the conversation
     * @param reason the reason code
     */
    public record Closed(ImConversation conversation, int reason) {
    }

    /**
     * An announcement.
     *
     * @param sender the sender's login, or null
     * @param text the text
     */
    public record Announcement(LoginInfo sender, String text) {
    }

    private final BlockingQueue<ImConversation> opened = new LinkedBlockingQueue<>();
    private final BlockingQueue<Im> ims = new LinkedBlockingQueue<>();
    private final BlockingQueue<Closed> closed = new LinkedBlockingQueue<>();
    private final BlockingQueue<IncomingChannel> serverChannels = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> admin = new LinkedBlockingQueue<>();
    private final BlockingQueue<Announcement> announcements = new LinkedBlockingQueue<>();
    private final BlockingQueue<Integer> senses = new LinkedBlockingQueue<>();
    private final BlockingQueue<UserStatus> statuses = new LinkedBlockingQueue<>();
    private final BlockingQueue<PrivacyInfo> privacies = new LinkedBlockingQueue<>();
    private final BlockingQueue<Integer> disconnects = new LinkedBlockingQueue<>();

    @Override
    public void conversationOpened(ImConversation conversation) {
        opened.add(conversation);
    }

    @Override
    public void imReceived(ImConversation conversation, ImPayload payload) {
        ims.add(new Im(conversation, payload));
    }

    @Override
    public void conversationClosed(ImConversation conversation, int reason) {
        closed.add(new Closed(conversation, reason));
    }

    @Override
    public void serverChannelCreated(IncomingChannel channel) {
        serverChannels.add(channel);
    }

    @Override
    public void adminMessage(String text) {
        admin.add(text);
    }

    @Override
    public void announcement(LoginInfo sender, String text) {
        announcements.add(new Announcement(sender, text));
    }

    @Override
    public void senseService(int service) {
        senses.add(service);
    }

    @Override
    public void statusSet(UserStatus status) {
        statuses.add(status);
    }

    @Override
    public void privacySet(PrivacyInfo privacy) {
        privacies.add(privacy);
    }

    @Override
    public void disconnected(int reason) {
        disconnects.add(reason);
    }

    /**
     * @param timeout how long to wait
     * @return the next incoming conversation accepted by the client
     * @throws SocketTimeoutException if none arrives in time
     * @throws InterruptedIOException if interrupted
     */
    public ImConversation awaitConversation(Duration timeout) throws IOException {
        return await(opened, timeout, "incoming conversation");
    }

    /**
     * @param timeout how long to wait
     * @return the next IM received on any conversation
     * @throws SocketTimeoutException if none arrives in time
     * @throws InterruptedIOException if interrupted
     */
    public Im awaitIm(Duration timeout) throws IOException {
        return await(ims, timeout, "IM");
    }

    /**
     * @param timeout how long to wait
     * @return the next conversation closed by the other side
     * @throws SocketTimeoutException if none arrives in time
     * @throws InterruptedIOException if interrupted
     */
    public Closed awaitConversationClosed(Duration timeout) throws IOException {
        return await(closed, timeout, "conversation close");
    }

    /**
     * @param timeout how long to wait
     * @return the next non-IM channel created by the server (pending until answered)
     * @throws SocketTimeoutException if none arrives in time
     * @throws InterruptedIOException if interrupted
     */
    public IncomingChannel awaitServerChannel(Duration timeout) throws IOException {
        return await(serverChannels, timeout, "server-created channel");
    }

    /**
     * @param timeout how long to wait
     * @return the next ADMIN text
     * @throws SocketTimeoutException if none arrives in time
     * @throws InterruptedIOException if interrupted
     */
    public String awaitAdmin(Duration timeout) throws IOException {
        return await(admin, timeout, "ADMIN message");
    }

    /**
     * @param timeout how long to wait
     * @return the next announcement
     * @throws SocketTimeoutException if none arrives in time
     * @throws InterruptedIOException if interrupted
     */
    public Announcement awaitAnnouncement(Duration timeout) throws IOException {
        return await(announcements, timeout, "announcement");
    }

    /**
     * @param timeout how long to wait
     * @return the service of the next SENSE_SERVICE from the server
     * @throws SocketTimeoutException if none arrives in time
     * @throws InterruptedIOException if interrupted
     */
    public int awaitSenseService(Duration timeout) throws IOException {
        return await(senses, timeout, "SENSE_SERVICE");
    }

    /**
     * Like {@link #awaitSenseService} but for callers that only want to wait a little.
     *
     * @param timeout how long to wait
     * @return the service of the next SENSE_SERVICE, or null if none arrived in time
     * @throws InterruptedIOException if interrupted
     */
    public Integer pollSenseService(Duration timeout) throws IOException {
        try {
            return senses.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for SENSE_SERVICE");
        }
    }

    /**
     * @param timeout how long to wait
     * @return the next status set by the server
     * @throws SocketTimeoutException if none arrives in time
     * @throws InterruptedIOException if interrupted
     */
    public UserStatus awaitStatusSet(Duration timeout) throws IOException {
        return await(statuses, timeout, "SET_USER_STATUS");
    }

    /**
     * @param timeout how long to wait
     * @return the next privacy list sent by the server
     * @throws SocketTimeoutException if none arrives in time
     * @throws InterruptedIOException if interrupted
     */
    public PrivacyInfo awaitPrivacySet(Duration timeout) throws IOException {
        return await(privacies, timeout, "SET_PRIVACY_LIST");
    }

    /**
     * @param timeout how long to wait
     * @return the reason of the session's end
     * @throws SocketTimeoutException if the session has not ended in time
     * @throws InterruptedIOException if interrupted
     */
    public int awaitDisconnected(Duration timeout) throws IOException {
        return await(disconnects, timeout, "disconnect");
    }

    /** @return true if no event of any kind is waiting to be taken */
    public boolean isEmpty() {
        return opened.isEmpty() && ims.isEmpty() && closed.isEmpty() && serverChannels.isEmpty()
                && admin.isEmpty() && announcements.isEmpty() && senses.isEmpty()
                && statuses.isEmpty() && privacies.isEmpty() && disconnects.isEmpty();
    }

    private static <T> T await(BlockingQueue<T> q, Duration timeout, String what) throws IOException {
        try {
            T v = q.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (v == null) {
                throw new SocketTimeoutException("no " + what + " within " + timeout);
            }
            return v;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + what);
        }
    }
}
