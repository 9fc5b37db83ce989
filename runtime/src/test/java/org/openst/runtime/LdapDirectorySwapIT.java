package org.openst.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openst.client.EventCollector;
import org.openst.client.ImConversation;
import org.openst.client.LoginRefusedException;
import org.openst.client.SametimeClient;
import org.openst.client.ServiceChannelHandle;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.ServiceType;
import org.openst.protocol.WireReader;
import org.openst.protocol.WireWriter;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldif.LDIFReader;

/**
 * Issue 6 item 5: with users logged in on the embedded directory, writing
 * conf/org.openst.directory.ldap.cfg switches the running hub to LDAP (new logins and resolve
 * answered by LDAP, sessions kept), and deleting it switches back. The LDAP server is the test's
 * own in-memory UnboundID server holding the directory-ldap module's test LDIF, or the slapd that
 * .ci/slapd.sh started (loaded with the same LDIF) when OPENST_TEST_LDAP_URL names it.
 */
class LdapDirectorySwapIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SUFFIX = "dc=openst,dc=test";
    /** The module's test data: alice and bob with other passwords, dave, no carol. */
    private static final Path LDIF = Path.of("..", "bundles", "directory-ldap", "src", "test", "resources",
            "openst-test.ldif");

    @TempDir
    static Path tmp;
    static RunningHub hub;
    static InMemoryDirectoryServer inMemory;
    static String ldapUrl;
    static String bindDn;
    static String bindPassword;

    @BeforeAll
    static void start() throws Exception {
        ldapUrl = System.getenv("OPENST_TEST_LDAP_URL");
        if (ldapUrl == null || ldapUrl.isBlank()) {
            inMemory = inMemoryServer();
            ldapUrl = "ldap://127.0.0.1:" + inMemory.getListenPort();
            bindDn = "cn=reader,ou=services," + SUFFIX;
            bindPassword = "reader-pw";
        } else {
            bindDn = System.getenv("OPENST_TEST_LDAP_BIND_DN");
            bindPassword = System.getenv("OPENST_TEST_LDAP_BIND_PASSWORD");
        }
        hub = RunningHub.start(tmp.resolve("hub"), "hub.id = ldap1\n");
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        if (inMemory != null) {
            inMemory.shutDown(true);
        }
    }

    private static InMemoryDirectoryServer inMemoryServer() throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(SUFFIX);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
        config.setSchema(null);
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        try (InputStream in = Files.newInputStream(LDIF)) {
            server.importFromLDIF(true, new LDIFReader(in));
        }
        server.startListening();
        return server;
    }

    private static String ldapConfig() {
        return "urls = " + ldapUrl + "\n"
                + "bind.dn = " + bindDn + "\n"
                + "bind.password = " + bindPassword + "\n"
                + "user.base.dn = ou=people," + SUFFIX + "\n"
                + "group.base.dn = ou=groups," + SUFFIX + "\n"
                + "disabled.filter = (employeeType=disabled)\n";
    }

    @Test
    void switchingToLdapAndBackKeepsEverybodyLoggedIn() throws Exception {
        Path cfg = hub.home.resolve("conf/org.openst.directory.ldap.cfg");
        EventCollector aliceEvents = new EventCollector();
        EventCollector bobEvents = new EventCollector();
        try (SametimeClient alice = hub.login("alice", "alice-pw", aliceEvents);
                SametimeClient bob = hub.login("bob", "bob-pw", bobEvents)) {
            ImConversation toBob = alice.openIm("bob");
            ImConversation fromAlice = bobEvents.awaitConversation(WAIT);
            assertEquals(List.of("Alice Example"), resolve(alice, "alice"), "the embedded directory first");

            // Swap: FileInstall hands the file to Config Admin, DS activates the LDAP directory and
            // the consumers bind it (higher ranking, greedy).
            Files.writeString(cfg, ldapConfig(), StandardCharsets.UTF_8);
            Await.until("an LDAP-only user logging in", () -> RunningHub.accepts(hub.port, "dave", "dave-ldap"), hub::bundleStates);
            LoginRefusedException carol = assertThrows(LoginRefusedException.class,
                    () -> hub.login("carol", "carol-pw", new EventCollector()).close(), "carol is only in users.conf");
            assertEquals(ErrorCode.INCORRECT_LOGIN, carol.reason());
            assertFalse(RunningHub.accepts(hub.port, "alice", "alice-pw"), "alice's embedded password no longer counts");
            assertTrue(RunningHub.accepts(hub.port, "alice", "alice-ldap"), "alice's LDAP password does");
            assertFalse(RunningHub.accepts(hub.port, "frank", "frank-ldap"), "a disabled LDAP account");

            // The sessions made on the embedded directory are still up and talking.
            assertTrue(alice.isConnected() && bob.isConnected());
            toBob.sendText("still here after the swap");
            assertEquals("still here after the swap", bobEvents.awaitIm(WAIT).text());
            fromAlice.sendText("me too");
            assertEquals("me too", aliceEvents.awaitIm(WAIT).text());

            // Resolve (service 0x15) answers from LDAP: LDAP's display names, LDAP-only users.
            // Each consumer rebinds on its own; the resolve service may follow the login authority.
            Await.until("resolve answering from LDAP", () -> resolves(alice, "alice", List.of("Alice Liddell")),
                    hub::bundleStates);
            assertEquals(List.of("Dave Ldap", "Dave", "Davey Jones"), resolve(bob, "dave"));

            // Back: deleting the file deactivates the LDAP directory; the embedded one answers again.
            Files.delete(cfg);
            Await.until("carol logging in on the embedded directory again", () -> RunningHub.accepts(hub.port, "carol", "carol-pw"),
                    hub::bundleStates);
            assertFalse(RunningHub.accepts(hub.port, "dave", "dave-ldap"), "dave is not in users.conf");
            Await.until("resolve answering from users.conf", () -> resolves(alice, "alice", List.of("Alice Example")),
                    hub::bundleStates);
            toBob.sendText("and after the way back");
            assertEquals("and after the way back", bobEvents.awaitIm(WAIT).text());
        } finally {
            Files.deleteIfExists(cfg);
        }
    }

    private static boolean resolves(SametimeClient client, String name, List<String> expected) {
        try {
            return resolve(client, name).equals(expected);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The directory SPI runs on the authentication threads, never on the network threads: while
     * an LDAP server that accepts connections but never answers holds a login, the users logged in
     * keep exchanging IMs, and the login ends after the response time-out with VERIFICATION_DOWN.
     */
    @Test
    void aHangingLdapServerHoldsUpOnlyLogins() throws Exception {
        Path cfg = hub.home.resolve("conf/org.openst.directory.ldap.cfg");
        EventCollector aliceEvents = new EventCollector();
        EventCollector bobEvents = new EventCollector();
        try (SilentServer silent = new SilentServer();
                SametimeClient alice = hub.login("alice", "alice-pw", aliceEvents);
                SametimeClient bob = hub.login("bob", "bob-pw", bobEvents)) {
            ImConversation toBob = alice.openIm("bob");
            bobEvents.awaitConversation(WAIT);
            Files.writeString(cfg, "urls = ldap://127.0.0.1:" + silent.port() + "\n"
                    + "bind.dn = " + bindDn + "\nbind.password = " + bindPassword + "\n"
                    + "user.base.dn = ou=people," + SUFFIX + "\n"
                    + "connect.timeout.ms = 2000\nresponse.timeout.ms = 2000\n", StandardCharsets.UTF_8);
            Await.until("logins answered VERIFICATION_DOWN by the silent LDAP server",
                    () -> refusal("carol", "carol-pw") == ErrorCode.VERIFICATION_DOWN, hub::bundleStates);

            int connections = silent.accepted();
            List<Integer> outcome = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread hanging = new Thread(() -> outcome.add(refusal("dave", "dave-ldap")), "hanging-login");
            hanging.start();
            // The pool opens a new connection for the login (the last one timed out and was dropped).
            Await.until("the login waiting on the silent server", () -> silent.accepted() > connections,
                    hub::bundleStates);
            toBob.sendText("while a login hangs");
            assertEquals("while a login hangs", bobEvents.awaitIm(WAIT).text());
            assertTrue(hanging.isAlive(), "the IM went through while the login was still waiting");
            hanging.join(WAIT.toMillis());
            assertEquals(List.of(ErrorCode.VERIFICATION_DOWN), outcome);
            assertTrue(alice.isConnected() && bob.isConnected());
        } finally {
            Files.deleteIfExists(cfg);
        }
        Await.until("the embedded directory answering again", () -> RunningHub.accepts(hub.port, "carol", "carol-pw"), hub::bundleStates);
    }

    /** The code a login is refused with; 0 when it succeeds. */
    private static int refusal(String user, String password) {
        try (SametimeClient c = SametimeClient.connect("127.0.0.1", hub.port)) {
            c.login(user, password);
            return 0;
        } catch (LoginRefusedException e) {
            return e.reason();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Accepts TCP connections and never sends a byte: an LDAP server that hangs. */
    private static final class SilentServer implements AutoCloseable {
        private final java.net.ServerSocket socket = new java.net.ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<java.net.Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();

        SilentServer() throws IOException {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(socket.accept());
                    }
                } catch (IOException closed) {
                    // close() ends the loop
                }
            }, "silent-ldap");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        int accepted() {
            return accepted.size();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (java.net.Socket s : accepted) {
                s.close();
            }
        }
    }

    /**
     * Resolves one name over a resolve channel (spec §6.5) and returns the display names of the
     * matches: request {@code u32 0, u32 id, u32 1, str name, u32 flags}; response
     * {@code u32 0, u32 id, u32 code, u32 count, (u32 0, u32 code, str name, u32 n, n × (str id,
     * str name, str desc, u32 type))}.
     */
    private static List<String> resolve(SametimeClient client, String name) throws IOException {
        ServiceChannelHandle channel = client.openServiceChannel(ServiceType.RESOLVE, ServiceType.RESOLVE, 0, new byte[0]);
        try {
            channel.send(0x0002, new WireWriter(64).u32(0).u32(7).u32(1).str(name).u32(0).toByteArray());
            WireReader r = new WireReader(channel.receive(WAIT).data());
            r.u32();
            assertEquals(7, r.u32(), "request ID");
            r.u32(); // overall code
            assertEquals(1, r.u32(), "one result");
            r.u32();
            r.u32(); // the result's code: "not found" is an empty list below
            assertEquals(name, r.str());
            int count = r.u32();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                r.str();
                names.add(r.str());
                r.str();
                r.u32();
            }
            return names;
        } finally {
            channel.close();
        }
    }
}
