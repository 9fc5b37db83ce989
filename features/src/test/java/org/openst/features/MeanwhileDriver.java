package org.openst.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The runtime module's interop driver {@code mwdriver}: a real Sametime client on Debian's
 * libmeanwhile (what Pidgin uses), built from runtime/src/test/interop with its own Makefile into
 * this module's target/. A missing library fails the build with the install hint, never skips.
 */
final class MeanwhileDriver {
    private final Path executable;

    private MeanwhileDriver(Path executable) {
        this.executable = executable;
    }

    /** Builds the driver with make (sources: the system property openst.interop.sources). */
    static MeanwhileDriver build() throws IOException, InterruptedException {
        Path sources = Path.of(System.getProperty("openst.interop.sources"));
        Path out = Path.of("target/interop").toAbsolutePath();
        Process make = new ProcessBuilder("make", "-C", sources.toString(), "OUT=" + out, out.resolve("mwdriver").toString())
                .redirectErrorStream(true).start();
        String output = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, make.waitFor(), "building mwdriver failed; it needs the Debian packages libmeanwhile-dev "
                + "libglib2.0-dev pkg-config build-essential (.ci/run installs them):\n" + output);
        return new MeanwhileDriver(out.resolve("mwdriver"));
    }

    /** Runs one scenario against the hub on this port and asserts that it passed. */
    String pass(int port, String scenario, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--timeout", "30", scenario));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // The driver enforces its own 30 s time-out (and a SIGALRM backstop); this guards a hang.
        boolean ended = p.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String transcript = String.join(" ", command) + "\n" + output;
        assertTrue(ended, "driver hung:\n" + transcript);
        assertEquals(0, p.exitValue(), "scenario failed:\n" + transcript);
        String[] lines = output.strip().split("\n");
        assertEquals("PASS " + scenario, lines[lines.length - 1].strip(), transcript);
        return output;
    }
}
