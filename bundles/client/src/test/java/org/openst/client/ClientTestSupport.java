package org.openst.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openst.protocol.ClientType;
import org.openst.protocol.HandshakeAck;
import org.openst.protocol.Login;
import org.openst.protocol.LoginAck;
import org.openst.protocol.LoginInfo;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.UserStatus;
import org.openst.protocol.crypto.DhKeyPair;

/** Shared fixtures: a fake server per test, a collector, and a scripted server-side login. */
abstract class ClientTestSupport {
    static final Duration WAIT = Duration.ofSeconds(5);
    static final SecureRandom RANDOM = new SecureRandom();
    static final int MAGIC = 0x11223344;
    static final LoginInfo ALICE = new LoginInfo("alice-login", ClientType.MEANWHILE, "alice",
            "Alice Example", "", true, "desc", 0x7F000001, "srv1");
    static final LoginInfo BOB = LoginInfo.brief("bob-login", ClientType.MEANWHILE, "bob", "Bob", "");

    FakeServer server;
    EventCollector events;
    SametimeClient client;
    FakeServer.Peer peer;
    final DhKeyPair serverKeys = DhKeyPair.generate(RANDOM);
    /** Set by the *OnIoLoopTest variants: every client of the test is served by this loop. */
    ClientIoLoop ioLoop;

    @BeforeEach
    void startServer() throws Exception {
        server = new FakeServer();
        events = new EventCollector();
    }

    @AfterEach
    void stopAll() throws Exception {
        if (client != null) {
            client.close();
        }
        if (peer != null) {
            peer.close();
        }
        server.close();
        if (ioLoop != null) {
            ioLoop.close();
        }
    }

    /** From now on, the test's clients are served by a one-thread {@link ClientIoLoop}. */
    void serveOnIoLoop() throws java.io.IOException {
        ioLoop = ClientIoLoop.start("test-io", 1);
    }

    ClientOptions.Builder options() {
        return ClientOptions.builder().listener(events).timeout(WAIT).ioLoop(ioLoop);
    }

    /** Connects with default test options and accepts the connection on the fake server. */
    void connect() throws Exception {
        connect(options().build());
    }

    void connect(ClientOptions o) throws Exception {
        client = SametimeClient.connect("127.0.0.1", server.port(), o);
        peer = server.accept();
    }

    /** The REC handshake ack (§3.2): version 0x1E/0x1D, magic, the 64-byte padded key. */
    HandshakeAck keyedAck() {
        return new HandshakeAck(0x1E, 0x1D, 0x7F000001, true, MAGIC, serverKeys.publicKeyPadded());
    }

    /** Connects and completes an RC2/128 login as {@link #ALICE}. */
    void loggedIn() throws Exception {
        loggedIn(options().build());
    }

    void loggedIn(ClientOptions o) throws Exception {
        connect(o);
        Future<LoginInfo> login = async(() -> client.login("alice", "secret"));
        peer.read(org.openst.protocol.Handshake.class);
        peer.send(keyedAck());
        peer.read(Login.class);
        peer.send(new LoginAck(ALICE, 0, PrivacyInfo.allowAll(), UserStatus.active()));
        assertEquals(ALICE, result(login));
    }

    static <T> Future<T> async(Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(task, "test-async");
        t.setDaemon(true);
        t.start();
        return task;
    }

    /** The result of {@link #async}, rethrowing the task's own exception. */
    static <T> T result(Future<T> f) throws Exception {
        try {
            return f.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) {
                throw x;
            }
            throw e;
        }
    }
}
