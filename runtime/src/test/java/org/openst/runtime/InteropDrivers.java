package org.openst.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The interop test drivers of src/test/interop: C programs that are real Sametime clients, one on
 * Debian's libmeanwhile (what Pidgin's Sametime plugin uses) and one on libpurple with the real
 * prpl-meanwhile plugin. Built with make on first use; a missing library fails the build with
 * the install hint, never skips.
 */
final class InteropDrivers {
    private static final Path SOURCES = Path.of("src/test/interop");
    private static final Path OUT = Path.of("target/interop");
    private static boolean built;

    private InteropDrivers() {
    }

    static synchronized void build() throws IOException, InterruptedException {
        if (built) {
            return;
        }
        Process make = new ProcessBuilder("make", "-C", SOURCES.toString(), "OUT=" + OUT.toAbsolutePath())
                .redirectErrorStream(true).start();
        String output = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, make.waitFor(), "building the interop drivers failed; they need the Debian packages "
                + "libmeanwhile-dev libpurple-dev libglib2.0-dev pkg-config build-essential (.ci/run installs them):\n" + output);
        built = true;
    }

    /**
     * Runs one scenario against the hub and asserts that it passed.
     *
     * @param driver "mwdriver" or "purpledriver"
     */
    static String pass(RunningHub hub, String driver, String scenario, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(OUT.resolve(driver).toAbsolutePath().toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(hub.port), "--timeout", "30", scenario));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        // The driver enforces its own 30 s time-out; this is a backstop against a hang.
        boolean ended = p.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String transcript = String.join(" ", command) + "\n" + output;
        assertTrue(ended, "driver hung:\n" + transcript);
        assertEquals(0, p.exitValue(), "scenario failed:\n" + transcript);
        String[] lines = output.strip().split("\n");
        assertEquals("PASS " + scenario, lines[lines.length - 1].strip(), transcript);
        return output;
    }
}
