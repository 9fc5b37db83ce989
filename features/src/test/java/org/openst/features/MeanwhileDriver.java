package org.openst.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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

    /**
     * Starts a scenario that the test drives from outside (rewatch): its output is collected
     * while it runs, so the test can wait for one of its EVENT lines.
     *
     * @param timeoutSeconds the driver's own global time-out
     */
    Running start(int port, int timeoutSeconds, String scenario, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--timeout", Integer.toString(timeoutSeconds), scenario));
        command.addAll(List.of(args));
        return new Running(scenario, command, new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** A scenario in progress; its lines are read by a thread of its own. */
    static final class Running {
        private final String scenario;
        private final List<String> command;
        private final Process process;
        private final StringBuilder output = new StringBuilder();
        private final Thread reader;

        private Running(String scenario, List<String> command, Process process) {
            this.scenario = scenario;
            this.command = command;
            this.process = process;
            this.reader = new Thread(this::read, "mwdriver-" + scenario);
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (output) {
                        output.append(line).append('\n');
                        output.notifyAll();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private String transcript() {
            synchronized (output) {
                return String.join(" ", command) + "\n" + output;
            }
        }

        /** Waits until a line containing the text was printed; fails on the verdict or the time-out. */
        void awaitLine(String text, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (output) {
                while (output.indexOf(text) < 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !process.isAlive() && !reader.isAlive()) {
                        throw new AssertionError("no \"" + text + "\" from the driver:\n" + transcript());
                    }
                    TimeUnit.NANOSECONDS.timedWait(output, left);
                }
            }
        }

        /** Waits for the driver to end and asserts that the scenario passed. */
        String awaitPass(Duration timeout) throws InterruptedException {
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
            String transcript = transcript();
            assertTrue(ended, "driver hung:\n" + transcript);
            assertEquals(0, process.exitValue(), "scenario failed:\n" + transcript);
            String[] lines = transcript.strip().split("\n");
            assertEquals("PASS " + scenario, lines[lines.length - 1].strip(), transcript);
            return transcript;
        }

        /** Ends the driver if it still runs (after a failure elsewhere). */
        void kill() {
            process.destroyForcibly();
        }
    }
}
