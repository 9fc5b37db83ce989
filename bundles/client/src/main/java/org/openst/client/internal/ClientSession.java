package org.openst.client.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.openst.client.ClientListener;
import org.openst.client.ClientOptions;
import org.openst.client.ImConversation;
import org.openst.client.ServiceChannelHandle;
import org.openst.protocol.Admin;
import org.openst.protocol.Announce;
import org.openst.protocol.ChannelAccept;
import org.openst.protocol.ChannelCreate;
import org.openst.protocol.ChannelDestroy;
import org.openst.protocol.ChannelSend;
import org.openst.protocol.EncryptOffer;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.Frames;
import org.openst.protocol.HandshakeAck;
import org.openst.protocol.IdBlock;
import org.openst.protocol.LoginAck;
import org.openst.protocol.LoginInfo;
import org.openst.protocol.LoginRedirect;
import org.openst.protocol.Message;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.SenseService;
import org.openst.protocol.ServiceType;
import org.openst.protocol.SetPrivacyList;
import org.openst.protocol.SetUserStatus;
import org.openst.protocol.UserStatus;
import org.openst.protocol.crypto.DhKeyPair;
import org.openst.protocol.im.ImCreateData;
import org.openst.protocol.im.ImPayload;

/**
 * The engine behind {@link org.openst.client.SametimeClient}: session state, the dispatch of
 * received messages, channel bookkeeping and the blocking operations. Public only so the facade
 * in the exported package can reach it; this package is not exported.
 *
 * <p>Listener callbacks run only on the reader thread. Local ends ({@link #logout}, {@link
 * #close}) just record their reason and close the socket; the reader thread then finishes the
 * session, so "disconnected" is reported once and from that thread.
 */
public final class ClientSession implements Connection.Handler {
    private static final System.Logger LOG = System.getLogger(ClientSession.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClientOptions options;
    private final ClientListener listener;
    private final Connection conn;
    /**
     * §5.7: one DH key pair per session for all RC2/128 channels, apart from the login pair.
     * Made when the first channel needs it: a session without encrypted channels (most service
     * use, a load generator's idle logins) saves the exponentiation.
     */
    private volatile DhKeyPair channelKeys;
    private final Map<Integer, ChannelBase> channels = new ConcurrentHashMap<>();
    private final AtomicInteger channelCounter = new AtomicInteger();
    private final LoginFlow loginFlow;
    /** Reason of an end requested locally or by the server's channel-0 destroy; first wins. */
    private final AtomicReference<SessionEnd> requestedEnd = new AtomicReference<>();
    private final CountDownLatch endedLatch = new CountDownLatch(1);
    private volatile boolean ended;
    private volatile int endReason;
    private volatile UserStatus ownStatus = UserStatus.active();

    /** Why the session ended; {@code byServer} when the server destroyed channel 0. */
    record SessionEnd(int reason, boolean byServer) {
    }

    /** Makes the connection once its handler, the session, exists. */
    private interface ConnectionFactory {
        Connection open(Connection.Handler handler) throws IOException;
    }

    private ClientSession(ClientOptions options, ConnectionFactory connection) throws IOException {
        this.options = options;
        this.listener = options.listener();
        this.conn = connection.open(this);
        this.loginFlow = new LoginFlow(this, options, RANDOM);
    }

    /**
     * Opens the TCP connection and starts reading: on a reader thread of its own, or on one of
     * {@code loop}'s threads.
     *
     * @param loop the I/O loop that serves the connection, or null for a reader thread
     * @throws IOException if the connection cannot be made within the options' timeout
     */
    public static ClientSession connect(String host, int port, ClientOptions options, IoLoop loop) throws IOException {
        InetSocketAddress remote = new InetSocketAddress(host, port);
        ClientSession s = loop == null ? onSocket(remote, options) : onLoop(remote, options, loop);
        s.conn.start();
        return s;
    }

    /** The local end to bind, or null to let the system choose both address and port. */
    private static InetSocketAddress localEnd(ClientOptions options) {
        return options.localAddress() != null || options.localPort() != 0
                ? new InetSocketAddress(options.localAddress(), options.localPort()) : null;
    }

    private static ClientSession onSocket(InetSocketAddress remote, ClientOptions options) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true); // small interactive frames; Meanwhile writes each at once
            // A chosen port may still be held by a closed connection (TIME_WAIT).
            socket.setReuseAddress(options.localPort() != 0);
            InetSocketAddress local = localEnd(options);
            if (local != null) {
                socket.bind(local);
            }
            socket.connect(remote, timeoutMillis(options.timeout()));
            return new ClientSession(options, h -> new StreamConnection(socket, options.maxFrameSize(), h,
                    options.readerThreads()));
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static ClientSession onLoop(InetSocketAddress remote, ClientOptions options, IoLoop loop) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, options.localPort() != 0); // as above
            InetSocketAddress local = localEnd(options);
            if (local != null) {
                channel.bind(local);
            }
            channel.socket().connect(remote, timeoutMillis(options.timeout())); // blocking, with the time-out
            channel.configureBlocking(false);
            IoLoop.Worker worker = loop.next();
            return new ClientSession(options, h -> new LoopConnection(channel, worker, options.maxFrameSize(), h));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    // ---- operations used by the facade ----

    public ClientOptions options() {
        return options;
    }

    public LoginInfo login(String name, String password, Duration timeout) throws IOException {
        checkNotReaderThread("login");
        return loginFlow.run(name, password, false, timeout).login();
    }

    public CompletableFuture<LoginInfo> loginAsync(String name, String password) throws IOException {
        return loginFlow.start(name, password, false).thenApply(LoginAck::login);
    }

    public LoginInfo loginWithToken(String name, String token, Duration timeout) throws IOException {
        checkNotReaderThread("login");
        return loginFlow.run(name, token, true, timeout).login();
    }

    public LoginFlow loginFlow() {
        return loginFlow;
    }

    public UserStatus ownStatus() {
        return ownStatus;
    }

    public void setStatus(UserStatus status) throws IOException {
        // Recorded first: an IM channel arriving meanwhile is judged by the new status (§6.1.1).
        ownStatus = status;
        send(new SetUserStatus(status));
    }

    public void setPrivacy(PrivacyInfo privacy) throws IOException {
        send(new SetPrivacyList(privacy));
    }

    public void senseService(int service) throws IOException {
        send(new SenseService(service));
    }

    public void announce(List<String> recipients, String text, boolean mayReply) throws IOException {
        send(new Announce(false, null, 0, mayReply, text, recipients)); // §3.15 C→S form
    }

    public ImConversation openIm(String userId, Duration timeout) throws IOException {
        checkNotReaderThread("openIm");
        if (loginFlow.loginAck() == null) {
            // The RC2/40 key is our login ID (§5.7), known only after LOGIN_ACK.
            throw new IllegalStateException("openIm requires a completed login");
        }
        int features = options.imFeatures();
        EncryptOffer offer = options.offerImCiphers()
                ? CipherNegotiation.meanwhileOffer(channelKeys(), options.offeredImCiphers()) : EncryptOffer.none();
        ImChannel ch = (ImChannel) register(cid -> ImChannel.outgoing(this, cid, userId, features, offer));
        send(new ChannelCreate(0, ch.id, new IdBlock(userId, ""), ServiceType.IM, ImChannel.PROTO_TYPE,
                ImChannel.PROTO_VERSION, 0, ImCreateData.of(features).toBytes(), null, offer));
        awaitOpened(ch, timeout, "CHANNEL_ACCEPT for IM to " + userId);
        return ch;
    }

    public ServiceChannelHandle openServiceChannel(IdBlock target, int service, int protoType,
            int protoVersion, byte[] addtl, Duration timeout) throws IOException {
        checkNotReaderThread("openServiceChannel");
        ServiceChannel ch = (ServiceChannel) register(
                cid -> ServiceChannel.outgoing(this, cid, service, protoType, protoVersion, addtl));
        send(new ChannelCreate(0, ch.id, target, service, protoType, protoVersion, 0, addtl, null,
                EncryptOffer.none()));
        awaitOpened(ch, timeout, String.format("CHANNEL_ACCEPT for service 0x%08X", service));
        return ch;
    }

    public void sendKeepalive() throws IOException {
        sendRawBytes(new byte[] {Frames.KEEPALIVE});
    }

    public void sendRawBytes(byte[] bytes) throws IOException {
        ensureUp();
        conn.write(bytes.clone());
    }

    /** Writes frames encoded by the caller with one write call; fails once the session is ending. */
    void sendFrames(byte[] frames) throws IOException {
        ensureUp();
        conn.write(frames);
    }

    /** Sends one message; fails once the session is ending. */
    public void send(Message m) throws IOException {
        ensureUp();
        conn.send(m);
    }

    public void logout() {
        // §8.2 #41: destroy channel 0 with reason 0, then close the socket.
        if (requestedEnd.compareAndSet(null, new SessionEnd(ErrorCode.ERR_SUCCESS, false))) {
            try {
                conn.send(ChannelDestroy.of(0, ErrorCode.ERR_SUCCESS));
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "logout destroy not sent", e);
            }
        }
        conn.close();
    }

    public void close() {
        requestedEnd.compareAndSet(null, new SessionEnd(ErrorCode.CONNECTION_CLOSED, false));
        conn.close();
    }

    public boolean isConnected() {
        return !ended && requestedEnd.get() == null;
    }

    public int awaitDisconnected(Duration timeout) throws IOException {
        try {
            if (!endedLatch.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new SocketTimeoutException("still connected after " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the disconnect");
        }
        return endReason;
    }

    // ---- reader thread ----

    @Override
    public void message(Message m) {
        if (requestedEnd.get() != null) {
            return; // §3.10: after the end nothing more is processed
        }
        safe(() -> listener.messageReceived(m));
        if (m instanceof LoginAck a && loginFlow.loginAck() == null) {
            // Meanwhile ignores this status; we start from it (it decides the BUSY rule,
            // §6.1.1). Set here, on the reader thread, so a later SET_USER_STATUS wins.
            ownStatus = a.status();
        }
        if (m instanceof HandshakeAck || m instanceof LoginAck || m instanceof LoginRedirect) {
            loginFlow.offer(m);
        } else if (m instanceof ChannelCreate c) {
            onCreate(c);
        } else if (m instanceof ChannelAccept a) {
            ChannelBase ch = channels.get(a.channel());
            if (ch != null) {
                ch.onAccept(a);
            }
        } else if (m instanceof ChannelSend s) {
            ChannelBase ch = channels.get(s.channel());
            if (ch != null) {
                ch.onSend(s); // Meanwhile drops sends for unknown channels (§3.9)
            }
        } else if (m instanceof ChannelDestroy d) {
            onDestroy(d);
        } else if (m instanceof SetUserStatus s) {
            ownStatus = s.status();
            safe(() -> listener.statusSet(s.status()));
        } else if (m instanceof SetPrivacyList p) {
            safe(() -> listener.privacySet(p.privacy()));
        } else if (m instanceof SenseService s) {
            safe(() -> listener.senseService(s.service()));
        } else if (m instanceof Admin a) {
            safe(() -> listener.adminMessage(a.text()));
        } else if (m instanceof Announce a) {
            safe(() -> listener.announcement(a.sender(), a.text()));
        }
        // HANDSHAKE, LOGIN, LOGIN_CONTINUE are client→server messages; a client ignores them.
    }

    @Override
    public void ended(int reason, Throwable cause) {
        SessionEnd requested = requestedEnd.get();
        SessionEnd end = requested != null ? requested : new SessionEnd(reason, false);
        if (cause != null && requested == null) {
            LOG.log(System.Logger.Level.DEBUG, "session ended: " + ErrorCode.name(reason), cause);
        }
        endReason = end.reason();
        ended = true; // before the sweep: a channel registered later sees it (see register)
        loginFlow.offer(end);
        for (ChannelBase ch : channels.values()) {
            ch.onSessionEnd(end.reason());
        }
        safe(() -> listener.disconnected(end.reason()));
        endedLatch.countDown();
    }

    private void onDestroy(ChannelDestroy d) {
        if (d.channel() == 0) {
            // §3.10: the server ends the session; stop reading and close the socket.
            requestedEnd.compareAndSet(null, new SessionEnd(d.reason(), true));
            conn.close();
            return;
        }
        ChannelBase ch = channels.get(d.channel());
        if (ch != null) {
            ch.onRemoteDestroy(d.reason());
        }
    }

    private void onCreate(ChannelCreate c) {
        int id = c.channelId();
        if ((id & 0x80000000) == 0) {
            // §5.2: server channels have bit 31 set; Meanwhile destroys others like this.
            sendQuietly(ChannelDestroy.of(id, ErrorCode.ERR_REQUEST_INVALID));
            return;
        }
        ChannelBase old = channels.get(id);
        if (old != null) {
            old.onRemoteDestroy(ErrorCode.ERR_CHANNEL_EXISTS); // §5.2: reused ID replaces the old
        }
        if (c.service() == ServiceType.IM) {
            IncomingIm.handle(this, c);
        } else {
            ServiceChannel ch = ServiceChannel.incoming(this, c);
            channels.put(id, ch);
            safe(() -> listener.serverChannelCreated(ch));
        }
    }

    // ---- services for the channel classes ----

    DhKeyPair channelKeys() {
        DhKeyPair k = channelKeys;
        if (k == null) {
            synchronized (this) {
                k = channelKeys;
                if (k == null) {
                    k = DhKeyPair.generate(RANDOM);
                    channelKeys = k;
                }
            }
        }
        return k;
    }

    String ownLoginId() {
        LoginAck ack = loginFlow.loginAck();
        return ack == null ? "" : ack.login().loginId();
    }

    /** Adds an incoming channel accepted on the reader thread. */
    void addIncoming(ChannelBase ch) {
        channels.put(ch.id, ch);
    }

    void forget(ChannelBase ch) {
        channels.remove(ch.id, ch);
    }

    /** Sends CHANNEL_DESTROY for a channel that has just been marked closed. */
    void destroy(ChannelBase ch, int reason, byte[] data) {
        sendQuietly(new ChannelDestroy(ch.id, reason, data));
    }

    void sendQuietly(Message m) {
        try {
            send(m);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "not sent, connection closing: " + m, e);
        }
    }

    void notifyIm(ImConversation c, ImPayload p) {
        safe(() -> listener.imReceived(c, p));
    }

    void notifyConversationClosed(ImConversation c, int reason) {
        safe(() -> listener.conversationClosed(c, reason));
    }

    void notifyConversationOpened(ImConversation c) {
        safe(() -> listener.conversationOpened(c));
    }

    void checkNotReaderThread(String what) {
        if (conn.isReaderThread()) {
            throw new IllegalStateException(what + " waits for the server and cannot be called "
                    + "from a listener callback (the reader thread)");
        }
    }

    // ---- internals ----

    private interface ChannelFactory {
        ChannelBase create(int id);
    }

    /**
     * Allocates the next free client channel ID (§5.2: 1, 2, 3, … skipping IDs in use, bit 31
     * clear) and registers the channel under it before the CREATE goes out, so the accept always
     * finds it.
     */
    private ChannelBase register(ChannelFactory factory) throws IOException {
        ensureUp();
        while (true) {
            int id = channelCounter.incrementAndGet() & 0x7FFFFFFF;
            if (id == 0) {
                continue;
            }
            ChannelBase ch = factory.create(id);
            if (channels.putIfAbsent(id, ch) == null) {
                if (ended) {
                    ch.onSessionEnd(endReason); // the end's sweep may have missed it
                    ensureUp();
                }
                return ch;
            }
        }
    }

    private void awaitOpened(ChannelBase ch, Duration timeout, String what) throws IOException {
        try {
            ch.opened.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            ch.closeLocally(ErrorCode.ERR_SUCCESS, null); // give up on it, as a closed window would
            throw new SocketTimeoutException("no " + what + " within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ch.closeLocally(ErrorCode.ERR_SUCCESS, null);
            throw new InterruptedIOException("interrupted while waiting for " + what);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    private void ensureUp() throws IOException {
        SessionEnd end = requestedEnd.get();
        if (ended || end != null) {
            throw new IOException("not connected (session ended: "
                    + ErrorCode.name(end != null ? end.reason() : endReason) + ")");
        }
    }

    private static void safe(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException | AssertionError e) {
            // A faulty listener (or a test's failed assertion in a callback) must not kill the
            // reader thread and with it the session.
            LOG.log(System.Logger.Level.WARNING, "listener threw", e);
        }
    }

    static int timeoutMillis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }
}
