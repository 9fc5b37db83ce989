package org.openst.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openst.client.EventCollector;
import org.openst.client.SametimeClient;
import org.openst.protocol.ErrorCode;

/**
 * The admin shell in the distribution: every {@code openst:} command typed into Gogo's command
 * processor of a running hub, with real clients logged in, checking both what it prints and what it
 * does to the clients (kicked with the reason, announcements received, users added and removed
 * from the embedded directory logging in or not at once, a token that logs in).
 */
class AdminShellIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path tmp;
    static RunningHub hub;
    static GogoShell shell;

    @BeforeAll
    static void start() throws Exception {
        hub = RunningHub.start(tmp.resolve("hub"), "hub.id = admin1\n");
        Await.until("the admin commands registered", () -> commandsRegistered("sessions", "kick", "announce", "services",
                "user", "token"), hub::bundleStates);
        shell = new GogoShell(hub.context());
    }

    @AfterAll
    static void stop() throws Exception {
        if (shell != null) {
            shell.close();
        }
        hub.close();
    }

    private static boolean commandsRegistered(String... functions) {
        try {
            for (String f : functions) {
                var refs = hub.context().getAllServiceReferences(null,
                        "(&(osgi.command.scope=openst)(osgi.command.function=" + f + "))");
                if (refs == null) {
                    return false;
                }
            }
            return true;
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Waits until {@code loginId} is the user's only session: logins of earlier tests end
     * asynchronously after their clients close.
     */
    private static void awaitOnlySession(String user, String loginId) {
        Await.until(loginId + " the only session of " + user, () -> {
            try {
                String out = shell.run("openst:sessions " + user).ok();
                return out.endsWith("\n1 session") && out.contains(loginId);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, hub::bundleStates);
    }

    private static String lineOf(String output, String part) {
        return Arrays.stream(output.split("\n")).filter(l -> l.contains(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + part + " in:\n" + output));
    }

    @Test
    void sessionsListsEveryLoginWithItsDetails() throws Exception {
        try (SametimeClient alice = hub.login("alice", "alice-pw", new EventCollector());
                SametimeClient bob = hub.login("bob", "bob-pw", new EventCollector())) {
            String all = shell.run("openst:sessions").ok();
            assertTrue(all.startsWith("user  "), all);
            assertEquals(List.of("user", "name", "login", "ID", "address", "client", "since", "status"),
                    List.of(all.split("\n")[0].trim().split(" +")));
            String aliceLine = lineOf(all, alice.loginInfo().loginId());
            assertTrue(aliceLine.startsWith("alice "), aliceLine);
            assertTrue(aliceLine.contains(" Alice Example "), aliceLine);
            assertTrue(aliceLine.contains(" 127.0.0.1:"), aliceLine);
            assertTrue(aliceLine.contains(" 0x1700 Meanwhile "), aliceLine);
            assertTrue(aliceLine.endsWith(" active"), aliceLine);
            lineOf(all, bob.loginInfo().loginId());

            awaitOnlySession("bob", bob.loginInfo().loginId());
            String onlyBob = shell.run("openst:sessions bob").ok();
            assertEquals(3, onlyBob.split("\n").length, onlyBob);
            assertTrue(onlyBob.contains(bob.loginInfo().loginId()) && !onlyBob.contains(alice.loginInfo().loginId()), onlyBob);
            assertTrue(onlyBob.endsWith("1 session"), onlyBob);

            assertEquals("nobody is not online", shell.run("openst:sessions nobody").failure());
        }
    }

    @Test
    void kickEndsTheLoginAndTheUserIsToldWhy() throws Exception {
        EventCollector carolEvents = new EventCollector();
        try (SametimeClient carol = hub.login("carol", "carol-pw", carolEvents)) {
            String loginId = carol.loginInfo().loginId();
            awaitOnlySession("carol", loginId); // the announcement's wording depends on it
            String out = shell.run("openst:kick " + loginId + " maintenance of the server").ok();
            assertTrue(out.startsWith("kicked " + loginId + " (carol, 127.0.0.1:"), out);
            assertTrue(out.endsWith("with USER_RESTRICTED (0x80000210); told the user: maintenance of the server"), out);
            assertEquals("The administrator disconnected you: maintenance of the server", carolEvents.awaitAdmin(WAIT));
            assertEquals(ErrorCode.USER_RESTRICTED, carolEvents.awaitDisconnected(WAIT));
            Await.until("carol gone from the sessions", () -> {
                try {
                    return !shell.run("openst:sessions").ok().contains(loginId);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }, hub::bundleStates);

            assertEquals("no login " + loginId + " (openst:sessions lists them)", shell.run("openst:kick " + loginId).failure());
        }
    }

    @Test
    void kickTakesAnotherCode() throws Exception {
        EventCollector events = new EventCollector();
        try (SametimeClient carol = hub.login("carol", "carol-pw", events)) {
            String out = shell.run("openst:kick --code CONNECTION_CLOSED " + carol.loginInfo().loginId()).ok();
            assertTrue(out.contains("with CONNECTION_CLOSED (0x80000226)"), out);
            assertEquals(ErrorCode.CONNECTION_CLOSED, events.awaitDisconnected(WAIT));
        }
    }

    @Test
    void announceReachesEveryoneOrOneUser() throws Exception {
        EventCollector aliceEvents = new EventCollector();
        EventCollector bobEvents = new EventCollector();
        try (SametimeClient alice = hub.login("alice", "alice-pw", aliceEvents);
                SametimeClient bob = hub.login("bob", "bob-pw", bobEvents)) {
            String out = shell.run("openst:announce \"The server restarts at 18:00\"").ok();
            assertTrue(out.matches("announced to \\d+ logins"), out);
            assertEquals("The server restarts at 18:00", aliceEvents.awaitAdmin(WAIT));
            assertEquals("The server restarts at 18:00", bobEvents.awaitAdmin(WAIT));

            awaitOnlySession("bob", bob.loginInfo().loginId());
            assertEquals("announced to bob (1 login)", shell.run("openst:announce --user bob please call the help desk").ok());
            assertEquals("please call the help desk", bobEvents.awaitAdmin(WAIT));
            assertEquals("nobody is not online", shell.run("openst:announce --user nobody hello").failure());
            // A broadcast after it: alice's next announcement is this one, not bob's (the hub
            // writes to each connection in order, so hers would have come first).
            shell.run("openst:announce marker").ok();
            assertEquals("marker", aliceEvents.awaitAdmin(WAIT), "the message to bob did not reach alice");
            assertTrue(alice.isConnected() && bob.isConnected());
        }
    }

    @Test
    void servicesListsEveryServerApplicationAndItsBundle() throws Exception {
        String out = shell.run("openst:services").ok();
        assertEquals(List.of("type", "name", "bundle", "id", "ranking", "component", "in", "use"),
                List.of(out.split("\n")[0].trim().split(" +")));
        for (String[] expected : List.of(new String[] {"0x00000011", "AWARENESS", "org.openst.buddylist"},
                new String[] {"0x00000015", "RESOLVE", "org.openst.resolve"},
                new String[] {"0x00000018", "STORAGE", "org.openst.storage"},
                new String[] {"0x0000001A", "DIRECTORY", "org.openst.directory"},
                new String[] {"0x80000010", "CONFERENCE", "org.openst.conference"},
                new String[] {"0x80000022", "PLACE", "org.openst.places"})) {
            String line = lineOf(out, expected[0]);
            List<String> cells = List.of(line.split(" +"));
            assertEquals(expected[1], cells.get(1), line);
            assertEquals(expected[2], cells.get(2), line);
            long bundleId = Long.parseLong(cells.get(3));
            assertEquals(expected[2], hub.context().getBundle(bundleId).getSymbolicName(), line);
            assertEquals("yes", cells.get(cells.size() - 1), line);
        }
        assertTrue(out.endsWith("IM (0x00001000) and file transfer (0x00000038) are relayed by the hub itself."), out);
    }

    @Test
    void usersAddedAndRemovedInTheShellLogInOrNotAtOnce() throws Exception {
        String added = shell.run("openst:user add dave dave-pw \"Dave Jones\" Sales").ok();
        assertTrue(added.startsWith("added dave (Dave Jones) in "), added);
        assertTrue(RunningHub.accepts(hub.port, "dave", "dave-pw"), "no waiting for the file poller");
        assertFalse(Files.readString(hub.home.resolve("conf/users.conf")).contains("dave-pw"), "no password in clear");

        assertEquals("user dave exists; add --replace to give it a new password and names",
                shell.run("openst:user add dave other-pw Dave").failure());
        assertTrue(lineOf(shell.run("openst:user list").ok(), "dave").matches("dave +Dave Jones +enabled +Sales"));

        EventCollector daveEvents = new EventCollector();
        try (SametimeClient dave = hub.login("dave", "dave-pw", daveEvents)) {
            String removed = shell.run("openst:user remove dave").ok();
            assertTrue(removed.startsWith("removed dave from "), removed);
            assertFalse(RunningHub.accepts(hub.port, "dave", "dave-pw"), "refused at once");
            assertTrue(dave.isConnected(), "a login made before stays");
        }
        String again = shell.run("openst:user remove dave").failure();
        assertTrue(again.startsWith("no user dave in ") && again.endsWith("conf/users.conf"), again);
    }

    @Test
    void aTokenCreatedInTheShellLogsIn() throws Exception {
        String out = shell.run("openst:token bob 5").ok();
        assertTrue(out.startsWith("Login token for bob, valid 5 minutes, until "), out);
        String token = lineOf(out, "ost1.").strip();
        assertTrue(RunningHub.accepts(hub.port, "bob", token), "the token as the password");
        assertFalse(RunningHub.accepts(hub.port, "alice", token), "not for another user");
        assertEquals("unknown or disabled user: nobody", shell.run("openst:token nobody").failure());
    }
}
