package org.openst.client.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.openst.client.ClientOptions;
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
 * §8.4). The reader thread offers the relevant messages; the caller's thread consumes them.
 */
public final class LoginFlow {
    /** §3.2: a DH key of at least this many bytes selects RC2/128, like Meanwhile. */
    private static final int MIN_DH_KEY = 64;

    private enum State { IDLE, HANDSHAKE, LOGIN, LOGIN_CONT, DONE }

    private final ClientSession session;
    private final ClientOptions options;
    private final SecureRandom random;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private volatile State state = State.IDLE;
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

    /** Reader thread: a login message or the session's end. Ignored outside a login. */
    void offer(Object event) {
        State s = state;
        if (event instanceof ClientSession.SessionEnd || (s != State.IDLE && s != State.DONE)) {
            events.add(event);
        }
    }

    /**
     * @param secret the password, or the token when {@code token} is true (auth type TOKEN with
     *               auth_data = one {@code str}, the hub's reading of spec §4.7)
     */
    synchronized LoginAck run(String name, String secret, boolean token, Duration timeout) throws IOException {
        if (state != State.IDLE) {
            throw new IllegalStateException("login can be attempted once per connection (state " + state + ")");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        int major = options.clientMajor();
        int minor = options.clientMinor();
        state = State.HANDSHAKE;
        // §3.1: Meanwhile's handshake; fields 7-9 only for versions that carry them.
        session.send(new Handshake(major, minor, 0, 0, options.loginType(), 0,
                ProtocolVersion.handshakeHasExtra(major, minor), 0x0100, 0, options.localHost()));
        while (true) {
            Object ev = next(deadline, timeout);
            if (ev instanceof ClientSession.SessionEnd end) {
                State was = state;
                state = State.DONE;
                if (end.byServer()) {
                    throw new LoginRefusedException(end.reason());
                }
                throw new IOException("connection closed during login (state " + was + ")");
            }
            switch (state) {
                case HANDSHAKE:
                    if (ev instanceof HandshakeAck ack) {
                        handshakeAck = ack;
                        state = State.LOGIN; // before sending: the reply may come at once
                        if (token) {
                            authType = AuthType.TOKEN;
                            session.send(new Login(options.loginType(), name, new WireWriter().str(secret).toByteArray(),
                                    AuthType.TOKEN, 0));
                        } else {
                            sendLogin(name, secret, ack);
                        }
                    }
                    break; // §8.1: anything else is dropped in this state, as Meanwhile does
                case LOGIN:
                    if (ev instanceof LoginAck ack) {
                        loginAck = ack;
                        state = State.DONE;
                        return ack;
                    }
                    if (ev instanceof LoginRedirect r) {
                        // We always insist on this server ("force login", §3.5, §8.4 variant A).
                        redirect = r;
                        state = State.LOGIN_CONT;
                        session.send(new LoginContinue());
                    }
                    break; // a stray HANDSHAKE_ACK is dropped (§3.2)
                case LOGIN_CONT:
                    if (ev instanceof HandshakeAck) {
                        state = State.LOGIN; // §3.6: content ignored
                    } else if (ev instanceof LoginAck) {
                        // Meanwhile drops this ack and then waits forever (§3.4); fail loudly.
                        state = State.DONE;
                        throw new IOException("LOGIN_ACK received after LOGIN_CONTINUE without the "
                                + "HANDSHAKE_ACK that must precede it (§3.6); Meanwhile would drop it");
                    }
                    break;
                default:
                    throw new IllegalStateException("unexpected state " + state);
            }
        }
    }

    private void sendLogin(String name, String password, HandshakeAck ack) throws IOException {
        byte[] auth;
        int type;
        if (ack.hasKey() && ack.dhPublic().length >= MIN_DH_KEY) {
            type = AuthType.RC2_128; // §4.1, §4.5
            try {
                auth = LoginCredentials.rc2_128AuthData(password, ack.dhPublic(), ack.magic(), random);
            } catch (IllegalArgumentException e) {
                state = State.DONE;
                throw new IOException("unusable DH key in HANDSHAKE_ACK: " + e.getMessage(), e);
            }
        } else {
            type = AuthType.RC2_40; // §4.1, §4.6
            auth = LoginCredentials.rc2_40AuthData(password, random);
        }
        authType = type;
        session.send(new Login(options.loginType(), name, auth, type, 0));
    }

    private Object next(long deadline, Duration timeout) throws IOException {
        try {
            Object ev = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (ev == null) {
                State s = state;
                state = State.DONE;
                throw new SocketTimeoutException("login not completed within " + timeout
                        + " (waiting in state " + s + ")");
            }
            return ev;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = State.DONE;
            throw new InterruptedIOException("interrupted during login");
        }
    }
}
