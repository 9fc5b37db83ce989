package org.openst.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openst.client.ClientOptions;
import org.openst.client.EventCollector;
import org.openst.client.SametimeClient;
import org.openst.client.StorageChannel;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.PrivacyUser;
import org.openst.protocol.WireWriter;

/**
 * The distribution as a user runs it, in its own process: {@code bin/hub} in the background,
 * {@code bin/openst-user} adding a user the running hub picks up, and a clean stop on SIGTERM that
 * tells logged-in clients the server is going away.
 */
class HubProcessIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    @Test
    void startAddAUserLogInAndStopOnSigterm() throws Exception {
        int port = RunningHub.freePort();
        Path home = RunningHub.prepare(tmp.resolve("openst-hub"), port, "");
        Process hub = startHub(home, port);
        try {

            Process add = new ProcessBuilder(home.resolve("bin/openst-user").toString(), "add", "--password-stdin", "dave",
                    "Dave Jones").redirectErrorStream(true).start();
            add.getOutputStream().write("dave-pw\n".getBytes(StandardCharsets.UTF_8));
            add.getOutputStream().close();
            String addOutput = new String(add.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, add.waitFor(), addOutput);

            // The running hub re-reads the users file within its reload interval; no restart.
            Await.until("dave can log in", () -> RunningHub.accepts(port, "dave", "dave-pw"), () -> output(home.resolve("log/hub.log")));
            EventCollector events = new EventCollector();
            SametimeClient dave = SametimeClient.connect("127.0.0.1", port, ClientOptions.builder().listener(events).build());
            dave.login("dave", "dave-pw");
            assertEquals("Dave Jones", dave.loginInfo().userName());

            hub.destroy(); // SIGTERM
            assertTrue(hub.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS), "hub did not stop on SIGTERM");
            assertEquals(143, hub.exitValue(), "the JVM's exit status after SIGTERM");
            assertEquals(ErrorCode.CONNECTION_CLOSED, events.awaitDisconnected(WAIT), "clients are told the server went away");
            String log = output(home.resolve("log/hub.log"));
            assertTrue(log.contains("OpenST hub stopped"), log);
        } finally {
            hub.destroyForcibly();
        }
    }

    /**
     * Issue 4: "nothing acknowledged is lost across a restart or a kill -9". Units and a privacy
     * list are saved, the hub process is killed with SIGKILL right after the last SAVED, and the
     * restarted hub serves all of them.
     */
    @Test
    void acknowledgedStorageSurvivesKillDashNine() throws Exception {
        int port = RunningHub.freePort();
        Path home = RunningHub.prepare(tmp.resolve("openst-hub"), port, "");
        PrivacyInfo blockCarol = new PrivacyInfo(true, List.of(PrivacyUser.of("carol")));
        Process hub = startHub(home, port);
        try (SametimeClient alice = SametimeClient.connect("127.0.0.1", port)) {
            alice.login("alice", "alice-pw");
            StorageChannel storage = StorageChannel.open(alice);
            for (int key = 1; key <= 20; key++) {
                assertEquals(0, storage.saveString(key, "unit " + key));
            }
            alice.setPrivacy(blockCarol);
            // The privacy list is stored asynchronously: wait until a new login of alice gets it.
            try (SametimeClient second = loginRecording(port, "alice")) {
                assertEquals(blockCarol, lastEvents.awaitPrivacySet(WAIT));
            }
            hub.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close of the database
            assertTrue(hub.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS));
        } finally {
            hub.destroyForcibly();
        }

        Process restarted = startHub(home, port);
        try (SametimeClient alice = loginRecording(port, "alice")) {
            assertEquals(blockCarol, lastEvents.awaitPrivacySet(WAIT), "the stored privacy list is pushed at login");
            StorageChannel storage = StorageChannel.open(alice);
            for (int key = 1; key <= 20; key++) {
                byte[] expected = new WireWriter().str("unit " + key).toByteArray();
                assertArrayEquals(expected, storage.load(key).value().orElseThrow(), "unit " + key);
            }
        } finally {
            restarted.destroy();
            restarted.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** The events of the client last logged in with {@link #loginRecording}. */
    private EventCollector lastEvents;

    private SametimeClient loginRecording(int port, String user) throws IOException {
        lastEvents = new EventCollector();
        SametimeClient c = SametimeClient.connect("127.0.0.1", port, ClientOptions.builder().listener(lastEvents).build());
        c.login(user, user + "-pw");
        return c;
    }

    private Process startHub(Path home, int port) throws IOException {
        Path out = tmp.resolve("hub-" + System.nanoTime() + ".out");
        Process p = new ProcessBuilder(home.resolve("bin/hub").toString())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectErrorStream(true).start();
        Await.until("bin/hub logging users in on " + port, () -> RunningHub.logsIn(port, "alice", "alice-pw"),
                () -> output(out) + output(home.resolve("log/hub.log")));
        return p;
    }


    private static String output(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "(no " + file + ")";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
