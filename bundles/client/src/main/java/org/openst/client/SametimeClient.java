package org.openst.client;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.openst.client.internal.ClientSession;
import org.openst.protocol.HandshakeAck;
import org.openst.protocol.IdBlock;
import org.openst.protocol.LoginAck;
import org.openst.protocol.LoginInfo;
import org.openst.protocol.LoginRedirect;
import org.openst.protocol.Message;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.UserStatus;

/**
 * A Sametime client connection that behaves like Meanwhile (Pidgin's Sametime library) on the
 * wire: its handshake, its choice of RC2/128 or RC2/40 login, force login after a redirect, its
 * IM channel offers and answers and its per-channel RC2 encryption.
 *
 * <pre>{@code
 * EventCollector events = new EventCollector();
 * try (SametimeClient c = SametimeClient.connect("localhost", 1533,
 *         ClientOptions.builder().listener(events).build())) {
 *     c.login("alice", "secret");
 *     ImConversation im = c.openIm("bob");
 *     im.sendText("hello");
 *     c.logout();
 * }
 * }</pre>
 *
 * <p>Thread-safe. Events go to the options' {@link ClientListener} on the connection's reader
 * thread. Every blocking method either takes a timeout or uses {@link ClientOptions#timeout()},
 * and reports a time-out as {@link java.net.SocketTimeoutException}. Methods that send throw
 * {@link IOException} once the session has ended.
 */
public final class SametimeClient implements AutoCloseable {
    private final ClientSession session;

    private SametimeClient(ClientSession session) {
        this.session = session;
    }

    /**
     * Opens a TCP connection; nothing is sent yet.
     *
     * @param host server host
     * @param port server port (Sametime's usual port is 1533)
     * @param options settings; see {@link ClientOptions#defaults()}
     * @return a connected client that has not logged in
     * @throws IOException if the connection fails or takes longer than the options' timeout
     */
    public static SametimeClient connect(String host, int port, ClientOptions options) throws IOException {
        ClientIoLoop loop = options.ioLoop();
        return new SametimeClient(ClientSession.connect(host, port, options, loop == null ? null : loop.loop()));
    }

    /**
     * {@link #connect(String, int, ClientOptions)} with default options.
     *
     * @param host server host
     * @param port server port
     * @return a connected client
     * @throws IOException if the connection fails
     */
    public static SametimeClient connect(String host, int port) throws IOException {
        return connect(host, port, ClientOptions.defaults());
    }

    /** @return the options this client was built with */
    public ClientOptions options() {
        return session.options();
    }

    // ---- login ----

    /**
     * Logs in with the options' timeout; see {@link #login(String, String, Duration)}.
     *
     * @param loginName the name as typed by the user
     * @param password the password
     * @return this login's LoginInfo from LOGIN_ACK
     * @throws LoginRefusedException if the server destroyed channel 0 (reason inside)
     * @throws IOException on time-out, connection loss or a protocol violation
     */
    public LoginInfo login(String loginName, String password) throws IOException {
        return login(loginName, password, session.options().timeout());
    }

    /**
     * Logs in like Meanwhile: HANDSHAKE; on HANDSHAKE_ACK a LOGIN with RC2/128 credentials if the
     * ack carries a DH key of at least 64 bytes, else RC2/40 (§4.1); then waits for LOGIN_ACK. A
     * LOGIN_REDIRECT is answered with LOGIN_CONTINUE ("force login"), after which a HANDSHAKE_ACK
     * and then the LOGIN_ACK must follow (§8.4). One attempt per connection.
     *
     * @param loginName the name as typed by the user
     * @param password the password
     * @param timeout for the whole exchange
     * @return this login's LoginInfo from LOGIN_ACK
     * @throws LoginRefusedException if the server destroyed channel 0 (reason inside)
     * @throws IOException on time-out, connection loss or a protocol violation
     * @throws IllegalStateException if a login was already attempted, or called from a listener
     */
    public LoginInfo login(String loginName, String password, Duration timeout) throws IOException {
        return session.login(loginName, password, timeout);
    }

    /**
     * Starts the login of {@link #login(String, String, Duration)} and returns at once: the
     * HANDSHAKE is sent, and the later steps run on the reader thread as the server answers. For
     * load generators that log thousands of users in with a few threads. The caller bounds the
     * wait (for example {@link CompletableFuture#orTimeout}) and closes the client when it gives up.
     *
     * @param loginName the name as typed by the user
     * @param password the password
     * @return completes with this login's LoginInfo, or exceptionally with {@link
     *     LoginRefusedException} or another {@link IOException}
     * @throws IOException if the HANDSHAKE cannot be sent
     * @throws IllegalStateException if a login was already attempted
     */
    public CompletableFuture<LoginInfo> loginAsync(String loginName, String password) throws IOException {
        return session.loginAsync(loginName, password);
    }

    /**
     * Logs in with a login token (auth type {@code 0x0001}; the hub's choice for spec §4.7 is one
     * {@code str} holding the token) instead of a password. Otherwise as
     * {@link #login(String, String, Duration)}.
     *
     * @param loginName the user ID the token was issued for
     * @param token the token
     */
    public LoginInfo loginWithToken(String loginName, String token) throws IOException {
        return session.loginWithToken(loginName, token, session.options().timeout());
    }

    /** @return {@code AuthType.RC2_128} (4), {@code RC2_40} (2) or {@code TOKEN} (1) as sent, -1 before login */
    public int authTypeUsed() {
        return session.loginFlow().authTypeUsed();
    }

    /** @return this login's LoginInfo, or null before a successful login */
    public LoginInfo loginInfo() {
        LoginAck ack = session.loginFlow().loginAck();
        return ack == null ? null : ack.login();
    }

    /** @return the whole LOGIN_ACK (privacy and status included), or null before login */
    public LoginAck loginAck() {
        return session.loginFlow().loginAck();
    }

    /** @return the server's first HANDSHAKE_ACK, or null */
    public HandshakeAck handshakeAck() {
        return session.loginFlow().handshakeAck();
    }

    /** @return the LOGIN_REDIRECT this client answered with LOGIN_CONTINUE, or null */
    public LoginRedirect loginRedirect() {
        return session.loginFlow().redirect();
    }

    // ---- master-channel messages ----

    /**
     * Sends SET_USER_STATUS (§3.11) and records it as the own status, which decides the accept
     * addtl and the BUSY refusal of incoming IM channels (§6.1.1).
     *
     * @param status the new status
     * @throws IOException if the session has ended
     */
    public void setStatus(UserStatus status) throws IOException {
        session.setStatus(status);
    }

    /** @return the own status: the LOGIN_ACK's, then the last one set by this client or the server */
    public UserStatus status() {
        return session.ownStatus();
    }

    /**
     * Sends SET_PRIVACY_LIST (§3.12).
     *
     * @param privacy the complete new list
     * @throws IOException if the session has ended
     */
    public void setPrivacy(PrivacyInfo privacy) throws IOException {
        session.setPrivacy(privacy);
    }

    /**
     * Sends SENSE_SERVICE (§3.13); an available service is echoed to {@link
     * ClientListener#senseService}.
     *
     * @param service the service type
     * @throws IOException if the session has ended
     */
    public void senseService(int service) throws IOException {
        session.senseService(service);
    }

    /**
     * Sends ANNOUNCE (§3.15) with may_reply false.
     *
     * @param recipients wire form, e.g. {@code "@U bob"} or {@code "@G Sales"}
     * @param text the announcement
     * @throws IOException if the session has ended
     */
    public void announce(List<String> recipients, String text) throws IOException {
        session.announce(recipients, text, false);
    }

    /**
     * Sends ANNOUNCE (§3.15).
     *
     * @param recipients wire form, e.g. {@code "@U bob"}
     * @param text the announcement
     * @param mayReply the content's may_reply flag
     * @throws IOException if the session has ended
     */
    public void announce(List<String> recipients, String text, boolean mayReply) throws IOException {
        session.announce(recipients, text, mayReply);
    }

    // ---- channels ----

    /**
     * {@link #openIm(String, Duration)} with the options' timeout.
     *
     * @param userId the other user's ID
     * @return the open conversation
     * @throws ChannelRefusedException if the server destroyed the channel
     * @throws IOException on time-out or connection loss
     */
    public ImConversation openIm(String userId) throws IOException {
        return openIm(userId, session.options().timeout());
    }

    /**
     * Opens an IM channel like Meanwhile (§6.1.1, §8.2 #26): CHANNEL_CREATE to {userId, ""},
     * service/proto {@code 0x1000/0x1000/3}, addtl {1, features}, and — unless disabled in the
     * options — an offer of RC2/40 and RC2/128 with mode WHATEVER. Waits for the accept and
     * sets up the chosen cipher (§5.7). On time-out the channel is destroyed with reason 0.
     *
     * @param userId the other user's ID
     * @param timeout how long to wait for CHANNEL_ACCEPT
     * @return the open conversation
     * @throws ChannelRefusedException if the server destroyed the channel (reason inside), or
     *     accepted it with a cipher that was not offered ({@code ERR_REQUEST_INVALID})
     * @throws IOException on time-out or connection loss
     * @throws IllegalStateException before login, or when called from a listener
     */
    public ImConversation openIm(String userId, Duration timeout) throws IOException {
        return session.openIm(userId, timeout);
    }

    /**
     * {@link #openServiceChannel(IdBlock, int, int, int, byte[], Duration)} with an empty target
     * and the options' timeout.
     *
     * @param service service type
     * @param protoType service protocol type
     * @param protoVersion service protocol version
     * @param addtl creation data; null for empty
     * @return the accepted channel
     * @throws ChannelRefusedException if the server destroyed the channel
     * @throws IOException on time-out or connection loss
     */
    public ServiceChannelHandle openServiceChannel(int service, int protoType, int protoVersion,
            byte[] addtl) throws IOException {
        return openServiceChannel(IdBlock.empty(), service, protoType, protoVersion, addtl,
                session.options().timeout());
    }

    /**
     * Opens a channel to any service with no encryption offer, like Meanwhile's awareness,
     * resolve and storage channels (§5.5), and waits for the accept.
     *
     * @param target the target ID block (empty for server services)
     * @param service service type
     * @param protoType service protocol type
     * @param protoVersion service protocol version
     * @param addtl creation data; null for empty
     * @param timeout how long to wait for CHANNEL_ACCEPT
     * @return the accepted channel
     * @throws ChannelRefusedException if the server destroyed the channel (reason inside)
     * @throws IOException on time-out or connection loss
     * @throws IllegalStateException when called from a listener
     */
    public ServiceChannelHandle openServiceChannel(IdBlock target, int service, int protoType,
            int protoVersion, byte[] addtl, Duration timeout) throws IOException {
        return session.openServiceChannel(target, service, protoType, protoVersion, addtl, timeout);
    }

    // ---- raw access for protocol tests ----

    /**
     * Writes the keepalive byte {@code 0x80} (§2).
     *
     * @throws IOException if the session has ended
     */
    public void sendKeepalive() throws IOException {
        session.sendKeepalive();
    }

    /**
     * Encodes and sends any message as one frame, without updating client state.
     *
     * @param message the message
     * @throws IOException if the session has ended
     */
    public void sendRaw(Message message) throws IOException {
        session.send(message);
    }

    /**
     * Writes bytes unchanged — no framing — for tests of the server's frame decoder.
     *
     * @param bytes the bytes
     * @throws IOException if the session has ended
     */
    public void sendRawBytes(byte[] bytes) throws IOException {
        session.sendRawBytes(bytes);
    }

    // ---- end ----

    /**
     * Logs out like Meanwhile (§8.2 #41): CHANNEL_DESTROY on channel 0 with reason 0, then closes
     * the socket. Open channels are not destroyed one by one. The listener then gets {@code
     * disconnected(0)}. Does nothing if already ended.
     */
    public void logout() {
        session.logout();
    }

    /**
     * Drops the connection without any message (like a crashed client); the listener gets
     * {@code disconnected(CONNECTION_CLOSED)} unless the session had already ended.
     */
    @Override
    public void close() {
        session.close();
    }

    /** @return true until the session ends or an end was requested */
    public boolean isConnected() {
        return session.isConnected();
    }

    /**
     * Waits for the end of the session, e.g. after the server kicked this login.
     *
     * @param timeout how long to wait
     * @return the reason also given to {@link ClientListener#disconnected}
     * @throws java.net.SocketTimeoutException if still connected after the timeout
     * @throws IOException if interrupted
     */
    public int awaitDisconnected(Duration timeout) throws IOException {
        return session.awaitDisconnected(timeout);
    }

    @Override
    public String toString() {
        LoginInfo me = loginInfo();
        return "SametimeClient[" + (me == null ? "not logged in" : me.userId() + "/" + me.loginId())
                + (isConnected() ? "" : ", disconnected") + "]";
    }
}
