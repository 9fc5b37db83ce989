package org.openst.directory.ldap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openst.directory.api.Authentication;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;

/** Several servers in fail-over order, servers that are down, and servers that never answer. */
class LdapFailoverTest {

    private InMemoryDirectoryServer first;
    private InMemoryDirectoryServer second;
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        first = TestLdapServer.start();
        second = TestLdapServer.start();
        // Told apart by dave's display name.
        second.modify("dn: uid=dave,ou=people," + TestConfigs.BASE, "changetype: modify", "replace: cn", "cn: Dave Second");
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        first.shutDown(true);
        second.shutDown(true);
    }

    private LdapDirectory directory(String urls, Map<String, Object> overrides) throws Exception {
        LdapDirectory d = new LdapDirectory(LdapSettings.from(TestConfigs.forTestDirectory(urls,
                TestLdapServer.READER_DN, TestLdapServer.READER_PASSWORD, overrides)));
        open.add(d);
        return d;
    }

    private static String daveName(LdapDirectory d) {
        return d.findUser("dave").orElseThrow().displayName();
    }

    /** A port nobody listens on: connections are refused at once. */
    private static int deadPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void theFirstServerThatAnswersServesInListOrder() throws Exception {
        LdapDirectory d = directory(TestLdapServer.url(first) + ", " + TestLdapServer.url(second), Map.of());
        assertEquals("Dave Ldap", daveName(d));
    }

    @Test
    void aDeadFirstServerFailsOverToTheNext() throws Exception {
        LdapDirectory d = directory("ldap://127.0.0.1:" + deadPort() + " " + TestLdapServer.url(second), Map.of());
        assertEquals("Dave Second", daveName(d));
        assertTrue(d.authenticate("dave", "dave-ldap") instanceof Authentication.Success);
    }

    @Test
    void aServerThatGoesDownIsReplacedByTheNextWithoutAFailedCall() throws Exception {
        LdapDirectory d = directory(TestLdapServer.url(first) + "," + TestLdapServer.url(second), Map.of("pool.size", 1));
        assertEquals("Dave Ldap", daveName(d));
        int port = first.getListenPort();
        first.shutDown(true); // the pooled connection is now dead: the call is retried on a new one
        awaitRefused(port);
        assertEquals("Dave Second", daveName(d));
        assertTrue(d.authenticate("dave", "dave-ldap") instanceof Authentication.Success);
    }

    @Test
    void noServerUpMeansUnavailableNotRefused() throws Exception {
        LdapDirectory d = directory("ldap://127.0.0.1:" + deadPort() + ",ldap://127.0.0.1:" + deadPort(), Map.of());
        Authentication a = d.authenticate("dave", "dave-ldap");
        assertInstanceOf(Authentication.Unavailable.class, a, a.toString());
        assertThrows(LdapUnavailableException.class, () -> d.findUser("dave"));
        assertThrows(LdapUnavailableException.class, () -> d.resolve("dave", 5));
        assertThrows(LdapUnavailableException.class, () -> d.search("", 0, 5));
    }

    @Test
    void aServerThatNeverAnswersTimesOutAndTheCallerGetsUnavailable() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            LdapDirectory d = directory("ldap://127.0.0.1:" + silent.port(), Map.of("response.timeout.ms", 300));
            long start = System.nanoTime();
            Authentication a = d.authenticate("dave", "dave-ldap");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertInstanceOf(Authentication.Unavailable.class, a, a.toString());
            assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "waited " + took);
            assertThrows(LdapUnavailableException.class, () -> d.resolve("dave", 5));
        }
    }

    @Test
    void aSilentFirstServerFailsOverOnceItsResponseTimesOut() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            LdapDirectory d = directory("ldap://127.0.0.1:" + silent.port() + "," + TestLdapServer.url(second),
                    Map.of("response.timeout.ms", 300));
            // The silent server accepts the connection but never answers the service account's
            // bind: it counts as down and the next server serves the very first call.
            Authentication a = d.authenticate("dave", "dave-ldap");
            assertInstanceOf(Authentication.Success.class, a, a.toString());
        }
    }

    @Test
    void aBusyPoolRefusesRatherThanQueueingForever() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            LdapDirectory d = directory("ldap://127.0.0.1:" + silent.port(),
                    Map.of("response.timeout.ms", 500, "pool.size", 1));
            List<Thread> callers = new java.util.ArrayList<>();
            List<Object> outcomes = new CopyOnWriteArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                Thread t = new Thread(() -> outcomes.add(d.authenticate("dave", "dave-ldap")));
                callers.add(t);
                t.start();
            }
            for (Thread t : callers) {
                t.join(10_000);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertEquals(3, outcomes.size(), "every caller got an answer");
            outcomes.forEach(o -> assertInstanceOf(Authentication.Unavailable.class, o));
            assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "waited " + took);
        }
    }

    /**
     * Waits (at most 10 s) until nothing listens on {@code port}: the in-memory server's shutDown
     * may return while its listener thread still accepts one more connection.
     */
    private static void awaitRefused(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                Thread.onSpinWait();
            } catch (IOException refused) {
                return;
            }
        }
        throw new AssertionError("port " + port + " still accepts connections");
    }

    /** Accepts LDAP connections and never answers anything. */
    static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final Thread acceptor = new Thread(this::accept, "silent-ldap");

        SilentServer() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void accept() {
            try {
                while (true) {
                    accepted.add(socket.accept());
                }
            } catch (IOException e) {
                // closed
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
