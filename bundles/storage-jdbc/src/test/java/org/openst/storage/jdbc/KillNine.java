package org.openst.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link KillNineChild} in a JVM of its own, waits until it has acknowledged some rounds of
 * saving, and SIGKILLs it while it goes on saving: no shutdown hook, no database close.
 */
final class KillNine {

    private static final long DEADLINE_SECONDS = 120;

    private static final String END_OF_OUTPUT = "\u0000end";

    private KillNine() {
    }

    /**
     * @param workFolder for the child's error output
     * @param dataFolder the child's database folder
     * @param what what the child saves: {@link KillNineChild#STORAGE} or {@link KillNineChild#CHAT_LOG}
     * @param acknowledgedBeforeKill rounds to see acknowledged before the kill
     * @return the last round the child acknowledged
     */
    static int killWhileSaving(Path workFolder, Path dataFolder, String what, int acknowledgedBeforeKill)
            throws Exception {
        Path childErrors = workFolder.resolve("child-stderr-" + what + ".txt");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KillNineChild.class.getName(), dataFolder.toString(),
                "1000000", what);
        builder.redirectError(childErrors.toFile());
        Process child = builder.start();
        int lastAcknowledged = -1;
        try {
            BlockingQueue<String> lines = readLines(child);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
            while (lastAcknowledged + 1 < acknowledgedBeforeKill) {
                String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null || line.equals(END_OF_OUTPUT)) {
                    fail("the child stopped reporting after round " + lastAcknowledged + "; its errors:\n"
                            + Files.readString(childErrors));
                }
                if (line.startsWith("SAVED ")) {
                    int round = Integer.parseInt(line.substring("SAVED ".length()));
                    assertEquals(lastAcknowledged + 1, round, "rounds are reported in order");
                    lastAcknowledged = round;
                }
            }
            child.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no H2 close
            assertTrue(child.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS), "the child did not die");
            assertEquals(128 + 9, child.exitValue(), "killed by signal 9, not stopped in some other way");
        } finally {
            child.destroyForcibly();
        }
        return lastAcknowledged;
    }

    /** The child's stdout, line by line, on a daemon thread so the test can wait with a deadline. */
    private static BlockingQueue<String> readLines(Process child) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The child died: the pipe closes.
            } finally {
                lines.add(END_OF_OUTPUT);
            }
        }, "kill-9-child-stdout");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
