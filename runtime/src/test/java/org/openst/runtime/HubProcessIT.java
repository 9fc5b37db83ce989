package org.openst.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openst.client.ClientOptions;
import org.openst.client.EventCollector;
import org.openst.client.LoginRefusedException;
import org.openst.client.SametimeClient;
import org.openst.protocol.ErrorCode;

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
        Process hub = new ProcessBuilder(home.resolve("bin/hub").toString())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(tmp.resolve("hub.out").toFile()).redirectErrorStream(true).start();
        try {
            Await.until("bin/hub listening on " + port, () -> accepts(port), () -> output(tmp.resolve("hub.out")));

            Process add = new ProcessBuilder(home.resolve("bin/openst-user").toString(), "add", "--password-stdin", "dave",
                    "Dave Jones").redirectErrorStream(true).start();
            add.getOutputStream().write("dave-pw\n".getBytes(StandardCharsets.UTF_8));
            add.getOutputStream().close();
            String addOutput = new String(add.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, add.waitFor(), addOutput);

            // The running hub re-reads the users file within its reload interval; no restart.
            Await.until("dave can log in", () -> logsIn(port), () -> output(home.resolve("log/hub.log")));
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

    private static boolean logsIn(int port) {
        try (SametimeClient c = SametimeClient.connect("127.0.0.1", port)) {
            c.login("dave", "dave-pw");
            return true;
        } catch (LoginRefusedException e) {
            return false; // not re-read yet
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String output(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "(no " + file + ")";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
