package org.openst.hub.core;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.openst.hub.api.Login;
import org.openst.hub.api.LoginDecision;
import org.openst.protocol.Announce;
import org.openst.protocol.ChannelAccept;
import org.openst.protocol.ChannelCreate;
import org.openst.protocol.ChannelDestroy;
import org.openst.protocol.ChannelSend;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.Handshake;
import org.openst.protocol.HandshakeAck;
import org.openst.protocol.LoginAck;
import org.openst.protocol.LoginContinue;
import org.openst.protocol.LoginInfo;
import org.openst.protocol.LoginRedirect;
import org.openst.protocol.Message;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.ProtocolVersion;
import org.openst.protocol.SenseService;
import org.openst.protocol.SetPrivacyList;
import org.openst.protocol.SetUserStatus;
import org.openst.protocol.UserStatus;
import org.openst.protocol.crypto.DhKeyPair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: the server side of the login sequence (spec §8.1) and, once logged in,
 * the {@link Login} other parts of the hub see. Master-channel messages are handled here; channel
 * messages go to the {@link ChannelRouter}.
 *
 * <p>Messages of one connection arrive on one network thread at a time. Other threads touch a
 * session only through its thread-safe parts: {@link #send}, the channel table, the volatile
 * login fields and {@link #terminate}.
 */
public final class ClientSession implements Login {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);
    /** Channel IDs the server allocates carry bit 31 (spec §5.2). */
    static final int SERVER_CHANNEL_FLAG = 0x80000000;
    /** Messages a client may pipeline behind its LOGIN while the login is being verified. */
    private static final int MAX_PENDING_DURING_LOGIN = 64;

    private final Hub hub;
    private final Connection connection;
    private final ConcurrentHashMap<Integer, Channel> channels = new ConcurrentHashMap<>();
    private final AtomicInteger serverChannelCounter = new AtomicInteger();
    private final List<Message> pendingDuringLogin = new ArrayList<>();

    private volatile SessionState state = SessionState.AWAIT_HANDSHAKE;
    private volatile long lastActivityNanos = System.nanoTime();
    /**
     * Orders LOGIN_ACK before anything other logins send here: until it is queued, sends take this
     * lock, which the login completion holds while it registers the login and queues the ack.
     */
    private final Object outbound = new Object();
    private volatile boolean loginAckQueued;
    /** True while messages queued during verification are handed on; new ones queue behind them. */
    private volatile boolean replaying;
    /** The connection closed while held messages were handed on: the end comes after them. */
    private boolean closedWhileReplaying; // guarded by this
    private ScheduledFuture<?> timer;

    // Handshake results.
    private int loginType;
    private DhKeyPair loginKey;
    private int magic;
    private HandshakeAck handshakeAck;

    // Login results; written once before the session becomes visible to other threads.
    private volatile String loginId;
    /** What the authority decided; a guest's identity is completed once its login ID is drawn. */
    private volatile LoginDecision decision;
    private volatile Identity identity;
    private volatile LoginInfo peerLoginInfo;
    private volatile Instant since;
    private volatile String authMethod = "";
    /** The list the login starts with (the user's stored one, from the hub's PrivacySource). */
    private volatile PrivacyInfo initialPrivacy = PrivacyInfo.allowAll();
    private volatile UserStatus status = UserStatus.active();
    private volatile PrivacyInfo privacy = PrivacyInfo.allowAll();
    /** Orders replacements of {@link #privacy} by the client and by the server. */
    private final Object privacyLock = new Object();

    ClientSession(Hub hub, Connection connection) {
        this.hub = hub;
        this.connection = connection;
    }

    // ---------------------------------------------------------------- network events

    /** The connection is open: the client has the handshake time-out to say HANDSHAKE. */
    void opened() {
        synchronized (this) {
            timer = hub.schedule(this::handshakeTimedOut, hub.settings().handshakeTimeout());
        }
    }

    /** A decoded message from the client. */
    public void received(Message message) {
        lastActivityNanos = System.nanoTime();
        switch (state) {
            case AWAIT_HANDSHAKE -> beforeHandshake(message);
            case AWAIT_LOGIN -> beforeLogin(message);
            case AUTHENTICATING -> queueDuringLogin(message);
            case REDIRECTED -> afterRedirect(message);
            case LOGGED_IN -> {
                if (replaying) {
                    queueDuringLogin(message);
                } else {
                    loggedIn(message);
                }
            }
            case CLOSED -> { /* late message after teardown: nothing to do */ }
        }
    }

    /** The client broke a protocol rule (bad frame, oversized frame...): end the session. */
    public void violation(int reason, String detail) {
        fail(reason, detail);
    }

    /** The connection closed under us (socket loss, idle time-out, or after our own close). */
    public void connectionClosed() {
        synchronized (this) {
            if (replaying && state == SessionState.LOGGED_IN) {
                // What the client sent behind its LOGIN is still being handed on (a client may
                // log out and close at once): that comes first, then the end (replayPending).
                closedWhileReplaying = true;
                return;
            }
        }
        terminate(ErrorCode.CONNECTION_CLOSED, null, false);
    }

    // ---------------------------------------------------------------- login sequence

    private void beforeHandshake(Message message) {
        if (message instanceof Handshake hs) {
            handshake(hs);
        } else if (isLogout(message)) {
            terminate(0, null, false);
        } else {
            fail(ErrorCode.PROTOCOL_ERROR, MessageNames.of(message) + " before HANDSHAKE");
        }
    }

    private void handshake(Handshake hs) {
        HubSettings settings = hub.settings();
        loginType = hs.loginType();
        magic = hub.random().nextInt();
        byte[] key;
        if (settings.loginCiphers().offersDhKey) {
            loginKey = hub.handshakeKeys().next();
            key = loginKey.publicKeyPadded();
        } else {
            // An empty key makes Meanwhile fall back to an RC2/40 login (spec §3.2, §4.1).
            key = new byte[0];
        }
        handshakeAck = new HandshakeAck(ProtocolVersion.MAJOR, ProtocolVersion.MINOR, ipv4(connection.remoteAddress()),
                true, magic, key);
        synchronized (this) {
            if (state != SessionState.AWAIT_HANDSHAKE) {
                return;
            }
            state = SessionState.AWAIT_LOGIN;
            cancelTimer();
            timer = hub.schedule(this::loginTimedOut, settings.loginTimeout());
        }
        send(handshakeAck);
    }

    private void beforeLogin(Message message) {
        if (message instanceof org.openst.protocol.Login login) {
            synchronized (this) {
                if (state != SessionState.AWAIT_LOGIN) {
                    return;
                }
                state = SessionState.AUTHENTICATING;
                cancelTimer();
            }
            // Verification may block on a directory: off the network thread. Reading goes on (a
            // suspended MINA session only resumes at the selector's next wake-up, up to a second
            // later); what arrives meanwhile is held, at most MAX_PENDING_DURING_LOGIN frames.
            hub.verifyLogin(this, login, loginKey, magic);
            loginKey = null; // the verification holds it; a login keeps no key material
        } else if (isLogout(message)) {
            terminate(0, null, false);
        } else {
            fail(ErrorCode.PROTOCOL_ERROR, MessageNames.of(message) + " before LOGIN");
        }
    }

    /**
     * Holds a message that arrived while the login is verified (a client may pipeline behind its
     * LOGIN) or while earlier held messages are handed on, so that order is kept.
     */
    private void queueDuringLogin(Message message) {
        boolean overflow;
        synchronized (this) {
            if (state != SessionState.AUTHENTICATING && !replaying) {
                overflow = false;
            } else if (pendingDuringLogin.size() < MAX_PENDING_DURING_LOGIN) {
                pendingDuringLogin.add(message);
                return;
            } else {
                overflow = true;
            }
        }
        if (overflow) {
            fail(ErrorCode.PROTOCOL_ERROR, "more than " + MAX_PENDING_DURING_LOGIN + " messages before LOGIN_ACK");
        } else {
            received(message);
        }
    }

    /**
     * Called by the hub when the credentials were checked (on the authentication executor).
     *
     * @param privacy the list the login starts with: the user's stored list, or "allow all"
     */
    void loginVerified(LoginDecision verified, String method, PrivacyInfo privacy) {
        synchronized (this) {
            if (state != SessionState.AUTHENTICATING) {
                return; // the connection went away meanwhile
            }
            decision = verified;
            authMethod = method;
            initialPrivacy = privacy;
            if (!hub.settings().redirectHost().isEmpty()) {
                state = SessionState.REDIRECTED;
            }
        }
        if (state == SessionState.REDIRECTED) {
            LOG.info("redirecting {} to {}", describe(), hub.settings().redirectHost());
            send(new LoginRedirect(hub.settings().redirectHost(), ""));
        } else {
            completeLogin();
        }
    }

    /** Called by the hub when the credentials were refused (on the authentication executor). */
    void loginRefused(String loginName, int reason, String detail) {
        synchronized (this) {
            if (state != SessionState.AUTHENTICATING) {
                return;
            }
        }
        fail(reason, "login refused: " + detail);
        InetSocketAddress from = connection.remoteAddress();
        hub.events().fire("loginRefused", l -> l.loginRefused(loginName, from, reason));
    }

    private void afterRedirect(Message message) {
        if (message instanceof LoginContinue) {
            // Spec §3.6: the client only takes LOGIN_ACK after a second HANDSHAKE_ACK.
            send(handshakeAck);
            synchronized (this) {
                if (state != SessionState.REDIRECTED) {
                    return;
                }
                state = SessionState.AUTHENTICATING;
            }
            completeLogin();
        } else if (isLogout(message)) {
            // Spec §8.4 variant B: the client followed the redirect; discard the half-open login.
            terminate(0, null, false);
        } else {
            fail(ErrorCode.PROTOCOL_ERROR, MessageNames.of(message) + " after LOGIN_REDIRECT");
        }
    }

    private void completeLogin() {
        HubSettings settings = hub.settings();
        int ip = ipv4(connection.remoteAddress());
        since = Instant.now();
        String newLoginId = hub.newLoginId();
        Identity u = decision instanceof LoginDecision.Guest g ? Identity.guest(g, newLoginId)
                : Identity.user((LoginDecision.User) decision);
        identity = u;
        loginId = newLoginId;
        // Community left empty for peers of the own community (spec §5.9).
        peerLoginInfo = new LoginInfo(loginId, loginType, u.userId(), u.displayName(), "", true, "", ip,
                settings.hubId());
        LoginInfo own = new LoginInfo(loginId, loginType, u.userId(), u.displayName(), settings.community(), true,
                "", ip, settings.hubId());
        PrivacyInfo startList = initialPrivacy;
        // Registered and acknowledged in one step: another login may route a channel here the
        // moment it is registered, and Meanwhile must see LOGIN_ACK first (spec §8.1).
        synchronized (outbound) {
            synchronized (this) {
                if (state != SessionState.AUTHENTICATING) {
                    return; // the connection went away meanwhile
                }
                if (!hub.register(this)) {
                    // Two logins drew the same 60-bit ID at the same instant: refuse; the client retries.
                    state = SessionState.CLOSED;
                    LOG.warn("closing {}: login ID collision", describe());
                    connection.sendAndClose(ChannelDestroy.of(0, ErrorCode.ERR_FAILURE));
                    return;
                }
                state = SessionState.LOGGED_IN;
                replaying = true;
                privacy = startList;
                handshakeAck = null; // needed only until LOGIN_ACK (a redirect resends it); saves heap per login
            }
            connection.send(new LoginAck(own, 0, startList, status));
            // Spec §3.4/§3.12 [REC], §8.2 #7: the client ignores the list in LOGIN_ACK, so a stored
            // one follows at once, before anything another login may send here.
            if (!startList.equals(PrivacyInfo.allowAll())) {
                connection.send(new SetPrivacyList(startList));
            }
            loginAckQueued = true;
        }
        LOG.info("login {} ({}){} as {} from {}, client type 0x{}, {}", u.userId(), u.displayName(),
                u.guest() ? " guest" : "", loginId, connection.remoteAddress(), Integer.toHexString(loginType), authMethod);
        hub.events().fire("loggedIn", l -> l.loggedIn(this));
        replayPending();
    }

    /** Hands on the messages held during verification, in order, then lets new ones through. */
    private void replayPending() {
        while (true) {
            List<Message> batch;
            synchronized (this) {
                if (pendingDuringLogin.isEmpty()) {
                    replaying = false;
                    if (!closedWhileReplaying) {
                        return;
                    }
                    batch = null;
                } else {
                    batch = new ArrayList<>(pendingDuringLogin);
                    pendingDuringLogin.clear();
                }
            }
            if (batch == null) {
                terminate(ErrorCode.CONNECTION_CLOSED, null, false); // nothing if a logout came first
                return;
            }
            for (Message m : batch) {
                if (state == SessionState.LOGGED_IN) {
                    loggedIn(m);
                }
            }
        }
    }

    private void handshakeTimedOut() {
        if (state == SessionState.AWAIT_HANDSHAKE) {
            fail(ErrorCode.CONNECTION_TIMED, "no HANDSHAKE within " + hub.settings().handshakeTimeout().toSeconds() + " s");
        }
    }

    private void loginTimedOut() {
        if (state == SessionState.AWAIT_LOGIN) {
            fail(ErrorCode.CONNECTION_TIMED, "no LOGIN within " + hub.settings().loginTimeout().toSeconds() + " s");
        }
    }

    private synchronized void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    // ---------------------------------------------------------------- logged in

    private void loggedIn(Message message) {
        ChannelRouter router = hub.router();
        // Java 17: no pattern switch yet, so an instanceof chain in order of frequency.
        if (message instanceof ChannelSend m) {
            router.send(this, m);
        } else if (message instanceof ChannelCreate m) {
            router.create(this, m);
        } else if (message instanceof ChannelAccept m) {
            router.accept(this, m);
        } else if (message instanceof ChannelDestroy m) {
            if (m.channel() == 0) {
                logout(m.reason());
            } else {
                router.destroy(this, m);
            }
        } else if (message instanceof SetUserStatus m) {
            statusChanged(m.status());
        } else if (message instanceof SetPrivacyList m) {
            privacyChanged(m.privacy());
        } else if (message instanceof SenseService m) {
            // Spec §3.13: echo an available service, stay silent otherwise.
            if (hub.isServiceAvailable(m.service())) {
                send(m);
            }
        } else if (message instanceof Announce m) {
            hub.announce(this, m);
        } else if (message instanceof org.openst.protocol.Login) {
            fail(ErrorCode.ERR_ALREADY_INITIALIZED, "second LOGIN on a logged-in connection");
        } else {
            fail(ErrorCode.PROTOCOL_ERROR, MessageNames.of(message) + " is not a client message");
        }
    }

    private void statusChanged(UserStatus newStatus) {
        UserStatus previous = status;
        status = newStatus;
        hub.events().fire("statusChanged", l -> l.statusChanged(this, previous));
    }

    private void privacyChanged(PrivacyInfo newPrivacy) {
        PrivacyInfo previous;
        synchronized (privacyLock) {
            previous = privacy;
            privacy = newPrivacy;
        }
        hub.events().fire("privacyChanged", l -> l.privacyChanged(this, previous));
    }

    /**
     * The server sets this login's privacy list (Community#pushPrivacy): kept, sent to the client,
     * and reported like the client's own change (hub-api 1.2), on the caller's thread, so that
     * awareness re-evaluates and a pusher can recognise its own echo.
     */
    void pushPrivacy(PrivacyInfo newPrivacy) {
        PrivacyInfo previous;
        // The client's own changes arrive on the network thread meanwhile: each event gets the list
        // it replaced, and the last list sent to the client is the one the hub keeps. Listeners
        // are called outside the lock (one may push to another login).
        synchronized (privacyLock) {
            previous = privacy;
            privacy = newPrivacy;
            send(new SetPrivacyList(newPrivacy));
        }
        hub.events().fire("privacyChanged", l -> l.privacyChanged(this, previous));
    }

    private void logout(int reason) {
        LOG.info("logout {} ({}) reason 0x{}", userId(), loginId, Integer.toHexString(reason));
        terminate(reason, null, false);
        connection.close();
    }

    // ---------------------------------------------------------------- teardown

    /** Ends the session with an error the client is told about (spec §7.3), and one log line. */
    void fail(int reason, String detail) {
        if (state == SessionState.CLOSED) {
            return;
        }
        LOG.warn("closing {}: {} ({} 0x{})", describe(), detail, ErrorCode.name(reason), Integer.toHexString(reason));
        terminate(reason, null, true);
    }

    /** Kicks a live login (admin action). */
    void kick(int reason) {
        LOG.info("kicking {} with {} (0x{})", describe(), ErrorCode.name(reason), Integer.toHexString(reason));
        terminate(reason, null, true);
    }

    /**
     * Tears the session down once: relayed partners get a destroy, providers hear of their
     * channels' end, listeners of the logout (spec §8.2 #42).
     *
     * @param tellClient send CHANNEL_DESTROY on channel 0 with {@code reason} and close after it
     */
    void terminate(int reason, byte[] data, boolean tellClient) {
        SessionState previous;
        synchronized (this) {
            previous = state;
            if (previous == SessionState.CLOSED) {
                return;
            }
            state = SessionState.CLOSED;
            cancelTimer();
            pendingDuringLogin.clear();
        }
        if (tellClient) {
            connection.sendAndClose(new ChannelDestroy(0, reason, data == null ? new byte[0] : data));
        }
        if (previous == SessionState.LOGGED_IN) {
            hub.unregister(this);
            hub.router().loginEnded(this);
            hub.events().fire("loggedOut", l -> l.loggedOut(this, reason));
        }
        if (!tellClient) {
            connection.close();
        }
    }

    // ---------------------------------------------------------------- channel table

    /** Allocates a server channel ID: bit 31 set, never reused on this connection (spec §5.2). */
    int allocateServerChannelId() {
        return SERVER_CHANNEL_FLAG | serverChannelCounter.incrementAndGet();
    }

    Channel channel(int id) {
        return channels.get(id);
    }

    /** Adds a channel; false when the ID is taken. */
    boolean addChannel(int id, Channel channel) {
        return channels.putIfAbsent(id, channel) == null;
    }

    /** Removes a channel if it is still the given one. */
    boolean forgetChannel(int id, Channel channel) {
        return channels.remove(id, channel);
    }

    /** A snapshot of the channel table, for teardown. */
    Collection<java.util.Map.Entry<Integer, Channel>> channelEntries() {
        return new ArrayList<>(channels.entrySet());
    }

    // ---------------------------------------------------------------- Login view

    /** Queues a message for the client. */
    public void send(Message message) {
        if (loginAckQueued) {
            connection.send(message);
        } else {
            synchronized (outbound) {
                connection.send(message);
            }
        }
    }

    boolean isLoggedIn() {
        return state == SessionState.LOGGED_IN;
    }

    /**
     * True while messages held during the login verification are handed on, on the thread that
     * completed the login; later messages are handled on the network thread (tests wait for it).
     */
    boolean isReplaying() {
        return replaying;
    }

    long lastActivityNanos() {
        return lastActivityNanos;
    }

    /** "alice (k3x...#hub1) 127.0.0.1:5555" for logs. */
    String describe() {
        String id = loginId;
        return id == null ? "connection " + connection.remoteAddress()
                : identity.userId() + " (" + id + ") " + connection.remoteAddress();
    }

    @Override
    public String loginId() {
        return loginId;
    }

    @Override
    public String userId() {
        Identity u = identity;
        return u == null ? null : u.userId();
    }

    @Override
    public String userName() {
        Identity u = identity;
        return u == null ? null : u.displayName();
    }

    @Override
    public boolean isGuest() {
        Identity u = identity;
        return u != null && u.guest();
    }

    @Override
    public boolean mayUse(int serviceType) {
        Identity u = identity;
        return u != null && u.mayUse(serviceType);
    }

    @Override
    public int loginType() {
        return loginType;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return connection.remoteAddress();
    }

    @Override
    public Instant since() {
        return since;
    }

    @Override
    public UserStatus status() {
        return status;
    }

    @Override
    public PrivacyInfo privacy() {
        return privacy;
    }

    @Override
    public LoginInfo loginInfo() {
        return peerLoginInfo;
    }

    @Override
    public boolean isActive() {
        return state == SessionState.LOGGED_IN;
    }

    @Override
    public String toString() {
        return describe();
    }

    private static boolean isLogout(Message message) {
        return message instanceof ChannelDestroy d && d.channel() == 0;
    }

    /** The IPv4 address as the u32 the protocol carries; 0 for other address families. */
    static int ipv4(InetSocketAddress address) {
        if (address != null && address.getAddress() instanceof Inet4Address v4) {
            byte[] b = v4.getAddress();
            return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
        }
        return 0;
    }
}
