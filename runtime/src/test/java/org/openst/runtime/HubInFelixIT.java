package org.openst.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openst.client.ChannelCipher;
import org.openst.client.ChannelRefusedException;
import org.openst.client.ClientOptions;
import org.openst.client.EventCollector;
import org.openst.client.ImConversation;
import org.openst.client.SametimeClient;
import org.openst.client.ServiceChannelHandle;
import org.openst.protocol.AuthType;
import org.openst.protocol.ErrorCode;
import org.openst.runtime.echo.EchoActivator;
import org.openst.runtime.echo.EchoServiceProvider;

/**
 * The real bundles in a real Felix framework, started from the built distribution, with real
 * clients over TCP: logins, IM, and a server application hot-deployed into deploy/, removed and
 * deployed again while users stay logged in.
 */
class HubInFelixIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int ECHO = EchoServiceProvider.SERVICE_TYPE;
    /** Named, not referenced: the directory API is not on the test's class path, only in Felix. */
    private static final String OTHER_DIRECTORY = "org.openst.runtime.otherdirectory.";

    @TempDir
    static Path tmp;
    static RunningHub hub;

    @BeforeAll
    static void start() throws Exception {
        hub = RunningHub.start(tmp.resolve("hub"), "hub.id = felix1\n");
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static SametimeClient login(String user, String password, EventCollector events) throws IOException {
        SametimeClient c = SametimeClient.connect("127.0.0.1", hub.port, ClientOptions.builder().listener(events).build());
        c.login(user, password);
        return c;
    }

    @Test
    void twoUsersLogInAndChat() throws Exception {
        EventCollector aliceEvents = new EventCollector();
        EventCollector bobEvents = new EventCollector();
        try (SametimeClient alice = login("alice", "alice-pw", aliceEvents);
                SametimeClient bob = login("bob", "bob-pw", bobEvents)) {
            assertEquals(AuthType.RC2_128, alice.authTypeUsed());
            assertTrue(alice.loginInfo().loginId().endsWith("#felix1"), alice.loginInfo().loginId());
            assertEquals("Alice Example", alice.loginInfo().userName(), "display name from conf/users.conf");

            ImConversation toBob = alice.openIm("bob");
            assertEquals(ChannelCipher.RC2_128, toBob.cipher());
            ImConversation fromAlice = bobEvents.awaitConversation(WAIT);
            toBob.sendText("hello from the Felix hub");
            assertEquals("hello from the Felix hub", bobEvents.awaitIm(WAIT).text());
            fromAlice.sendText("hello back");
            assertEquals("hello back", aliceEvents.awaitIm(WAIT).text());

            // Logins of other tests may still be closing, so at least these two.
            assertTrue((Integer) hub.callCommunity("broadcastAdminMessage", "hello everyone") >= 2);
            assertEquals("hello everyone", aliceEvents.awaitAdmin(WAIT));
            bob.logout();
            assertEquals(ErrorCode.ERR_CLIENT_USER_GONE, aliceEvents.awaitConversationClosed(WAIT).reason());
        }
    }

    @Test
    void theLoggerCountsLoginsAndRefusedLogins() throws Exception {
        java.time.Instant from = java.time.Instant.now().minus(Duration.ofHours(1));
        try (SametimeClient c = SametimeClient.connect("127.0.0.1", hub.port)) {
            assertThrows(org.openst.client.LoginRefusedException.class, () -> c.login("alice", "not-it"));
        }
        login("carol", "carol-pw", new EventCollector()).close();
        // totals() writes what the Logger holds in memory before it asks the statistics store.
        Await.until("logins and a refused login in the statistics", () -> {
            Map<?, ?> totals = (Map<?, ?>) callStatistics(from);
            return totals.get("login") instanceof Long l && l >= 1
                    && totals.get("login.failed") instanceof Long f && f >= 1;
        }, hub::bundleStates);
    }

    private static Object callStatistics(java.time.Instant from) {
        try {
            return hub.callService("org.openst.logger.api.Statistics", "totals", from,
                    java.time.Instant.now().plus(Duration.ofHours(1)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void wrongPasswordIsRefused() throws IOException {
        try (SametimeClient c = SametimeClient.connect("127.0.0.1", hub.port)) {
            var e = assertThrows(org.openst.client.LoginRefusedException.class, () -> c.login("alice", "guess"));
            assertEquals(ErrorCode.INCORRECT_LOGIN, e.reason());
        }
    }

    @Test
    void serviceBundleComesAndGoesWhileUsersStayLoggedIn() throws Exception {
        EventCollector aliceEvents = new EventCollector();
        EventCollector carolEvents = new EventCollector();
        Path staged = tmp.resolve("echo-service.jar");
        TestBundles.write(staged, "test.echo.service", Map.of(
                "Bundle-Activator", EchoActivator.class.getName(),
                "Import-Package", "org.openst.hub.api;version=\"[1.0,2)\",org.osgi.framework;version=\"[1.8,2)\""),
                EchoActivator.class, EchoServiceProvider.class);
        Path deployed = hub.home.resolve("deploy/echo-service.jar");
        try (SametimeClient alice = login("alice", "alice-pw", aliceEvents);
                SametimeClient carol = login("carol", "carol-pw", carolEvents)) {
            assertThrows(ChannelRefusedException.class, () -> alice.openServiceChannel(ECHO, ECHO, 1, new byte[0]),
                    "no echo service before the bundle is deployed");

            // Hot-install: FileInstall starts the bundle, the hub binds its service, clients are told.
            Files.copy(staged, deployed, StandardCopyOption.REPLACE_EXISTING);
            assertEquals(ECHO, aliceEvents.awaitSenseService(WAIT));
            ServiceChannelHandle channel = alice.openServiceChannel(ECHO, ECHO, 1, new byte[0]);
            channel.send(1, new byte[] {42});
            var echoed = channel.receive(WAIT);
            assertEquals(2, echoed.msgType());
            assertArrayEquals(new byte[] {42}, echoed.data());

            // Remove it: its channel is destroyed with a clear reason; the logins stay and IM works.
            Files.delete(deployed);
            assertEquals(ErrorCode.ERR_SERVICE_NO_SUPPORT, channel.awaitClosed(WAIT));
            ImConversation toCarol = alice.openIm("carol");
            carolEvents.awaitConversation(WAIT);
            toCarol.sendText("still here");
            assertEquals("still here", carolEvents.awaitIm(WAIT).text());

            // Install it again: new channels reach it.
            Files.copy(staged, deployed, StandardCopyOption.REPLACE_EXISTING);
            assertEquals(ECHO, aliceEvents.awaitSenseService(WAIT));
            ServiceChannelHandle again = alice.openServiceChannel(ECHO, ECHO, 1, new byte[0]);
            again.send(7, new byte[0]);
            assertEquals(8, again.receive(WAIT).msgType());
            assertTrue(alice.isConnected() && carol.isConnected());
        } finally {
            Files.deleteIfExists(deployed);
        }
    }

    @Test
    void anotherDirectoryTakesOverAtRunTimeWithoutLoggingAnybodyOut() throws Exception {
        Path staged = tmp.resolve("other-directory.jar");
        TestBundles.write(staged, "test.other.directory", Map.of(
                "Bundle-Activator", OTHER_DIRECTORY + "SingleUserDirectoryActivator",
                "Import-Package", "org.openst.directory.api;version=\"[1.0,2)\",org.osgi.framework;version=\"[1.8,2)\""),
                OTHER_DIRECTORY + "SingleUserDirectoryActivator", OTHER_DIRECTORY + "SingleUserDirectory");
        Path deployed = hub.home.resolve("deploy/other-directory.jar");
        EventCollector aliceEvents = new EventCollector();
        try (SametimeClient alice = login("alice", "alice-pw", aliceEvents)) {
            Files.copy(staged, deployed, StandardCopyOption.REPLACE_EXISTING);
            Await.until("the higher-ranked directory answers logins", () -> logsIn("zed", "zed-pw"), hub::bundleStates);
            assertFalse(logsIn("bob", "bob-pw"), "the embedded directory no longer answers");
            assertTrue(alice.isConnected(), "logins made before the swap stay");

            Files.delete(deployed);
            Await.until("the embedded directory answers again", () -> logsIn("bob", "bob-pw"), hub::bundleStates);
            assertTrue(alice.isConnected());
        } finally {
            Files.deleteIfExists(deployed);
        }
    }

    private static boolean logsIn(String user, String password) {
        try (SametimeClient c = SametimeClient.connect("127.0.0.1", hub.port)) {
            c.login(user, password);
            return true;
        } catch (org.openst.client.LoginRefusedException e) {
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
