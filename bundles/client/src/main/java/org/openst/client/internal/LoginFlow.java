package org.openst.client.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.openst.client.ClientOptions;
import org.openst.client.LoginKeys;
import org.openst.client.LoginRefusedException;
import org.openst.protocol.AuthType;
import org.openst.protocol.Handshake;
import org.openst.protocol.HandshakeAck;
import org.openst.protocol.Login;
import org.openst.protocol.LoginAck;
import org.openst.protocol.LoginContinue;
import org.openst.protocol.LoginRedirect;
import org.openst.protocol.ProtocolVersion;
import org.openst.protocol.WireWriter;
import org.openst.protocol.crypto.LoginCredentials;

/**
 * The client's login state machine (§8.1): HANDSHAKE → HANDSHAKE_ACK → LOGIN → LOGIN_ACK, with
 * the force-login path LOGIN_REDIRECT → LOGIN_CONTINUE → HANDSHAKE_ACK → LOGIN_ACK (§3.5, §3.6,
 * §8.4). The caller sends the HANDSHAKE; every later step runs on the reader thread as the
 * server's messages arrive, and the end completes a future the caller may wait on. No thread
 * hand-off per step: a load generator logs thousands of users in with a few threads.
 */
public final class LoginFlow {
    /** §3.2: a DH key of at least this many bytes selects RC2/128, like Meanwhile. */
    private static final int MIN_DH_KEY = 64;

    private enum State { IDLE, HANDSHAKE, LOGIN, LOGIN_CONT, DONE }

    private final ClientSession session;
    private final ClientOptions options;
    private final SecureRandom random;
    private final CompletableFuture<LoginAck> done = new CompletableFuture<>();
    /** Guarded by {@code this}; volatile for the time-out message. */
    private volatile State state = State.IDLE;
    private String name;
    private String secret;
    private boolean token;
    private volatile HandshakeAck handshakeAck;
    private volatile LoginRedirect redirect;
    private volatile LoginAck loginAck;
    private volatile int authType = -1;

    LoginFlow(ClientSession session, ClientOptions options, SecureRandom random) {
        this.session = session;
        this.options = options;
        this.random = random;
    }

    /** @return the auth type of the LOGIN sent (2 or 4), or -1 before */
    public int authTypeUsed() {
        return authType;
    }

    /** @return the first HANDSHAKE_ACK, or null */
    public HandshakeAck handshakeAck() {
        return handshakeAck;
    }

    /** @return the LOGIN_REDIRECT answered with LOGIN_CONTINUE, or null */
    public LoginRedirect redirect() {
        return redirect;
    }

    /** @return the LOGIN_ACK, or null before a successful login */
    public LoginAck loginAck() {
        return loginAck;
    }

    /**
     * Sends the HANDSHAKE; the returned future completes with the LOGIN_ACK, or exceptionally with
     * {@link LoginRefusedException} (the server ended the session) or another {@link IOException}.
     *
     * @param secret the password, or the token when {@code token} is true (auth type TOKEN with
     *               auth_data = one {@code str}, the hub's reading of spec §4.7)
     */
    CompletableFuture<LoginAck> start(String name, String secret, boolean token) throws IOException {
        synchronized (this) {
            if (state != State.IDLE) {
                throw new IllegalStateException("login can be attempted once per connection (state " + state + ")");
            }
            this.name = name;
            this.secret = secret;
            this.token = token;
            state = State.HANDSHAKE; // before sending: the reply may come at once
        }
        int major = options.clientMajor();
        int minor = options.clientMinor();
        try {
            // §3.1: Meanwhile's handshake; fields 7-9 only for versions that carry them.
            session.send(new Handshake(major, minor, 0, 0, options.loginType(), 0,
                    ProtocolVersion.handshakeHasExtra(major, minor), 0x0100, 0, options.localHost()));
        } catch (IOException e) {
            fail(e);
            throw e;
        }
        return done;
    }

    /** {@link #start} and wait, at most {@code timeout} for the whole exchange. */
    LoginAck run(String name, String secret, boolean token, Duration timeout) throws IOException {
        CompletableFuture<LoginAck> answer = start(name, secret, token);
        try {
            return answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            State s = state;
            SocketTimeoutException t = new SocketTimeoutException("login not completed within " + timeout
                    + " (waiting in state " + s + ")");
            fail(t);
            if (!answer.isCompletedExceptionally()) {
                return answer.join(); // the LOGIN_ACK came just now
            }
            throw t;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException t = new InterruptedIOException("interrupted during login");
            fail(t);
            throw t;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("login failed: " + e.getCause(), e.getCause());
        }
    }

    /** Reader thread: a login message or the session's end. Ignored outside a login. */
    synchronized void offer(Object event) {
        State s = state;
        if (s == State.IDLE || s == State.DONE) {
            return;
        }
        if (event instanceof ClientSession.SessionEnd end) {
            fail(end.byServer() ? new LoginRefusedException(end.reason())
                    : new IOException("connection closed during login (state " + s + ")"));
            return;
        }
        try {
            step(s, event);
        } catch (IOException e) {
            fail(e);
        }
    }

    private void step(State s, Object ev) throws IOException {
        switch (s) {
            case HANDSHAKE:
                if (ev instanceof HandshakeAck ack) {
                    handshakeAck = ack;
                    state = State.LOGIN;
                    if (token) {
                        authType = AuthType.TOKEN;
                        session.send(new Login(options.loginType(), name, new WireWriter().str(secret).toByteArray(),
                                AuthType.TOKEN, 0));
                    } else {
                        sendLogin(ack);
                    }
                }
                return; // §8.1: anything else is dropped in this state, as Meanwhile does
            case LOGIN:
                if (ev instanceof LoginAck ack) {
                    loginAck = ack;
                    state = State.DONE;
                    secret = null;
                    done.complete(ack);
                } else if (ev instanceof LoginRedirect r) {
                    // We always insist on this server ("force login", §3.5, §8.4 variant A).
                    redirect = r;
                    state = State.LOGIN_CONT;
                    session.send(new LoginContinue());
                }
                return; // a stray HANDSHAKE_ACK is dropped (§3.2)
            case LOGIN_CONT:
                if (ev instanceof HandshakeAck) {
                    state = State.LOGIN; // §3.6: content ignored
                } else if (ev instanceof LoginAck) {
                    // Meanwhile drops this ack and then waits forever (§3.4); fail loudly.
                    throw new IOException("LOGIN_ACK received after LOGIN_CONTINUE without the "
                            + "HANDSHAKE_ACK that must precede it (§3.6); Meanwhile would drop it");
                }
                return;
            default:
                throw new IllegalStateException("unexpected state " + s);
        }
    }

    private void sendLogin(HandshakeAck ack) throws IOException {
        byte[] auth;
        int type;
        if (ack.hasKey() && ack.dhPublic().length >= MIN_DH_KEY) {
            type = AuthType.RC2_128; // §4.1, §4.5
            LoginKeys keys = options.loginKeys();
            try {
                auth = keys != null ? keys.rc2_128AuthData(secret, ack.dhPublic(), ack.magic())
                        : LoginCredentials.rc2_128AuthData(secret, ack.dhPublic(), ack.magic(), random);
            } catch (IllegalArgumentException e) {
                throw new IOException("unusable DH key in HANDSHAKE_ACK: " + e.getMessage(), e);
            }
        } else {
            type = AuthType.RC2_40; // §4.1, §4.6
            auth = LoginCredentials.rc2_40AuthData(secret, random);
        }
        authType = type;
        session.send(new Login(options.loginType(), name, auth, type, 0));
    }

    private synchronized void fail(IOException e) {
        if (state != State.DONE) {
            state = State.DONE;
            secret = null;
            done.completeExceptionally(e);
        }
    }
}
