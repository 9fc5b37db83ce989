package org.openst.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openst.client.BuddyListChannel;
import org.openst.client.ClientOptions;
import org.openst.client.EventCollector;
import org.openst.client.SametimeClient;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.LoginInfo;
import org.openst.protocol.ServiceType;
import org.openst.protocol.UserStatus;
import org.openst.protocol.UserStatusCode;

/**
 * The feature repository in the stock Apache Karaf 4.4 distribution: the administrator's commands
 * from the README (repo-add, install), a real Meanwhile client logging in and exchanging an IM,
 * the openst: shell commands through Karaf's console, and the buddy list feature uninstalled and
 * reinstalled while two users stay logged in, after which awareness works again.
 */
class KarafFeaturesIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String VERSION = System.getProperty("openst.features.version");
    /** openst's parts, named so that each can be uninstalled on its own (Karaf's rule, see README). */
    private static final String PARTS = "openst-hub openst-directory-embedded openst-storage-jdbc openst-users "
            + "openst-privacy openst-storage openst-buddylist openst-resolve openst-directory openst-conference "
            + "openst-places openst-chatlogging openst-logger openst-admin";

    private static KarafInstance karaf;
    private static int hubPort;

    @BeforeAll
    static void startKaraf() throws IOException {
        karaf = KarafInstance.prepare(Path.of(System.getProperty("openst.karaf.dist")), Path.of("target/karaf-it").toAbsolutePath(),
                Path.of(System.getProperty("openst.karaf.repository")).toAbsolutePath(),
                Path.of(System.getProperty("openst.maven.local")).toAbsolutePath());
        // An administrator's own etc/org.openst.hub.cfg, written before the install: the feature's
        // default file must not replace it. A free port keeps the test clear of other hubs.
        hubPort = KarafInstance.freePort();
        karaf.write("etc/org.openst.hub.cfg", "port = " + hubPort + "\nhub.id = karaf-it\n");
        karaf.start();
    }

    @AfterAll
    static void stopKaraf() {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    void theCommunityRunsInKarafAndTheBuddyListIsSwappedUnderLoggedInUsers() throws Exception {
        try {
            installAsTheReadmeSays();
            MeanwhileDriver meanwhile = MeanwhileDriver.build();
            meanwhile.pass(hubPort, "im", "alice", "alice-pw", "bob", "bob-pw");
            aTokenFromKarafsConsoleLogsIn();
            buddyListReinstalledWhileUsersStayLoggedIn(meanwhile);
            ldapDirectoryFeatureInstalls();
        } catch (AssertionError | Exception e) {
            throw new AssertionError(e.getMessage() + "\n" + karaf.logTail(), e);
        }
    }

    private void installAsTheReadmeSays() throws IOException {
        karaf.console("feature:repo-add mvn:org.openst/features/" + VERSION + "/xml/features",
                "feature:install openst");
        Await.until("the hub listening on port " + hubPort, () -> KarafInstance.accepts(hubPort), karaf::logTail);

        // The defaults went to etc/ (an existing file is kept), the users file to etc/openst/.
        assertEquals("port = " + hubPort + "\nhub.id = karaf-it\n", read("etc/org.openst.hub.cfg"));
        assertTrue(read("etc/org.openst.directory.embedded.cfg").contains("file = ${karaf.etc}/openst/users.conf"));
        assertTrue(read("etc/openst/users.conf").contains("\nalice\t"), "the demo users file is in etc/openst/");
        assertTrue(read("etc/org.openst.storage.jdbc.cfg").contains("url = jdbc:h2:file:${karaf.data}/openst/storage"));
        assertTrue(read("etc/org.openst.buddylist.cfg").contains("PID org.openst.buddylist"));
        // The configuration exists before the bundles start: no bundle ran on built-in defaults
        // first (the runtime's paths: a users file in Karaf's conf/, databases in data/).
        String log = karaf.log();
        Matcher trouble = Pattern.compile("(?m)^.*(\\| ERROR .* - org\\.openst\\.|\\| WARN .* - org\\.openst\\.directory-embedded ).*$")
                .matcher(log);
        assertTrue(!trouble.find(), () -> "installing logged: " + trouble.group());
        assertTrue(!Files.exists(karaf.home.resolve("data/storage.mv.db")), "no database outside data/openst/");
        String features = karaf.console("feature:list -i");
        for (String part : PARTS.split(" ")) {
            assertTrue(Pattern.compile("(?m)^" + part + "\\s+\\|.*\\|\\s+Started\\s+\\|").matcher(features).find(),
                    part + " is not started:\n" + features);
        }
    }

    /** The LDAP directory plugin installs beside the embedded one; it waits for its configuration. */
    private void ldapDirectoryFeatureInstalls() throws IOException {
        karaf.console("feature:install openst-directory-ldap");
        assertTrue(read("etc/org.openst.directory.ldap.cfg.example").contains("urls = "), "the example configuration");
        String bundles = karaf.console("bundle:list -s");
        for (String bundle : new String[] {"org.openst.directory-ldap", "com.unboundid.ldap.sdk"}) {
            assertTrue(Pattern.compile("(?m)\\|\\s*Active\\s*\\|.*\\|\\s*" + Pattern.quote(bundle) + "\\s*$").matcher(bundles).find(),
                    bundle + " is not active:\n" + bundles);
        }
    }

    /**
     * openst:token (the users bundle's shell command) through Karaf's console, then a token login.
     * Karaf's batch client (bin/client -b) does not print a command's return value; echo does.
     */
    private void aTokenFromKarafsConsoleLogsIn() throws IOException {
        String answer = karaf.console("echo (openst:token carol 5)");
        Matcher token = Pattern.compile("(?m)^(\\S{40,})\\s*$").matcher(answer);
        assertTrue(token.find(), "no token in:\n" + answer);
        try (SametimeClient carol = SametimeClient.connect("127.0.0.1", hubPort)) {
            assertEquals("carol", carol.login("carol", token.group(1)).userId());
        }
    }

    /**
     * Two watchers through the swap: alice (Java client) watching bob, and carol watching dave in
     * the rewatch scenario of the real Meanwhile driver, which must recover by libmeanwhile's own
     * doing. dave is added to the embedded directory with openst:user in Karaf's console.
     */
    private void buddyListReinstalledWhileUsersStayLoggedIn(MeanwhileDriver meanwhile) throws Exception {
        assertTrue(karaf.console("echo (openst:user add dave dave-pw \"Dave Jones\")").contains("added dave"));
        MeanwhileDriver.Running rewatch = meanwhile.start(hubPort, 120, "rewatch", "carol", "carol-pw", "dave", "dave-pw");
        try {
            rewatch.awaitLine("EVENT carol watching dave", WAIT);
            swapBuddyListUnderJavaClients(rewatch);
        } finally {
            rewatch.kill();
        }
    }

    private void swapBuddyListUnderJavaClients(MeanwhileDriver.Running rewatch) throws Exception {
        EventCollector aliceEvents = new EventCollector();
        try (SametimeClient alice = login("alice", aliceEvents);
                SametimeClient bob = login("bob", new EventCollector())) {
            LoginInfo aliceLogin = alice.loginInfo();
            LoginInfo bobLogin = bob.loginInfo();
            BuddyListChannel watching = BuddyListChannel.open(alice);
            watching.add("bob");
            watching.await("bob", s -> s.online(), WAIT);
            String sessions = karaf.console("echo (openst:sessions)");
            assertTrue(sessions.contains(aliceLogin.loginId()) && sessions.contains(bobLogin.loginId()),
                    "openst:sessions in Karaf's console lists both logins:\n" + sessions);

            // Karaf uninstalls only features installed by name: name openst's parts, drop the umbrella.
            karaf.console("feature:install " + PARTS, "feature:uninstall openst");
            assertTrue(alice.isConnected() && bob.isConnected(), "naming the parts logs nobody out");

            karaf.console("feature:uninstall openst-buddylist");
            assertEquals(ErrorCode.ERR_SERVICE_NO_SUPPORT, watching.channel().awaitClosed(WAIT),
                    "the awareness channel is closed when its service goes");
            assertTrue(!karaf.console("bundle:list -s").contains("org.openst.buddylist"), "buddylist uninstalled");

            karaf.console("feature:install openst-buddylist");
            // The hub announces the service again; Meanwhile clients then re-open the channel.
            awaitSenseService(aliceEvents, ServiceType.AWARENESS);
            BuddyListChannel again = BuddyListChannel.open(alice);
            again.add("bob");
            again.await("bob", s -> s.online(), WAIT);
            bob.setStatus(new UserStatus(UserStatusCode.AWAY, 0, "lunch"));
            again.await("bob", s -> s.online() && s.status().status() == UserStatusCode.AWAY
                    && "lunch".equals(s.status().desc()), WAIT);
            String services = karaf.console("echo (openst:services)");
            assertTrue(Pattern.compile("(?m)^0x00000011\\s+AWARENESS\\s+org\\.openst\\.buddylist\\s").matcher(services).find(),
                    "the reinstalled bundle serves awareness:\n" + services);

            assertTrue(alice.isConnected() && bob.isConnected(), "both stayed logged in");
            assertEquals(aliceLogin, alice.loginInfo());
            assertEquals(bobLogin, bob.loginInfo());
            rewatch.awaitPass(Duration.ofSeconds(130));

            hubMovesToAnotherPortWhenEtcSaysSo();
            assertTrue(alice.isConnected() && bob.isConnected(), "moving the listener logs nobody out");
        }
    }

    /** Karaf's FileInstall reads etc/org.openst.hub.cfg; a new port rebinds the hub's listener. */
    private void hubMovesToAnotherPortWhenEtcSaysSo() throws IOException {
        int oldPort = hubPort;
        int newPort = KarafInstance.freePort();
        karaf.write("etc/org.openst.hub.cfg", "port = " + newPort + "\nhub.id = karaf-it\n");
        Await.until("the hub listening on the new port " + newPort, () -> KarafInstance.accepts(newPort), karaf::logTail);
        Await.until("the old port " + oldPort + " closed", () -> !KarafInstance.accepts(oldPort), karaf::logTail);
        hubPort = newPort;
        try (SametimeClient carol = SametimeClient.connect("127.0.0.1", newPort)) {
            assertEquals("carol", carol.login("carol", "carol-pw").userId());
        }

        // A bad value is refused with one log line naming the PID and the key; the port stays.
        karaf.write("etc/org.openst.hub.cfg", "port = 70000\nhub.id = karaf-it\n");
        Pattern refusal = Pattern.compile("(?m)^.*org\\.openst\\.hub: refused configuration: .*port.*$");
        Await.until("the refusal of port 70000 in karaf.log", () -> refusal.matcher(karaf.log()).find(), karaf::logTail);
        try (SametimeClient carol = SametimeClient.connect("127.0.0.1", newPort)) {
            assertEquals("carol", carol.login("carol", "carol-pw").userId(), "the hub still listens on " + newPort);
        }
    }

    private static SametimeClient login(String user, EventCollector events) throws IOException {
        SametimeClient c = SametimeClient.connect("127.0.0.1", hubPort, ClientOptions.builder().listener(events).build());
        c.login(user, user + "-pw");
        return c;
    }

    /** Skips SENSE_SERVICE of other services (every provider that registers announces itself). */
    private static void awaitSenseService(EventCollector events, int service) throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int seen;
        do {
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            seen = events.awaitSenseService(left);
        } while (seen != service);
    }

    private static String read(String relative) throws IOException {
        return Files.readString(karaf.home.resolve(relative), StandardCharsets.UTF_8);
    }
}
