package org.openst.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openst.bench.load.Users;
import org.openst.client.SametimeClient;

/**
 * The hub in its real runtime as a separate process: a copy of the built distribution
 * (runtime/target/openst-hub) with the benchmark's users file and hub configuration, started with
 * its own {@code bin/hub}. Measures the process from outside: live heap after a full GC (jcmd),
 * RSS, open files and CPU time (/proc).
 */
final class HubProcess implements AutoCloseable {
    final Path home;
    final int port;
    private final Process process;

    private HubProcess(Path home, int port, Process process) {
        this.home = home;
        this.port = port;
        this.process = process;
    }

    /**
     * @param hubConfig extra lines of conf/org.openst.hub.cfg (io.threads etc.)
     * @param javaOpts JAVA_OPTS of bin/hub
     */
    static HubProcess start(Path dist, Path home, int port, int users, int hashIterations, String hubConfig,
            String javaOpts) throws Exception {
        copy(dist, home);
        UsersFile.write(home.resolve("conf/users.conf"), users, hashIterations);
        Files.writeString(home.resolve("conf/org.openst.hub.cfg"),
                "port = " + port + "\nbind.address = 127.0.0.1\n" + hubConfig, StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/hub").toString())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(home.resolve("hub.out").toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("JAVA_OPTS", javaOpts);
        env.put("JAVA_HOME", System.getProperty("java.home")); // the JDK that runs the benchmark (and has jcmd)
        Process p = pb.start();
        HubProcess hub = new HubProcess(home, port, p);
        hub.awaitLogins(Duration.ofSeconds(90));
        return hub;
    }

    /** bin/hub execs java: the script's process is the hub's JVM. */
    long pid() {
        return process.pid();
    }

    private void awaitLogins(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() - deadline < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub exited with " + process.exitValue() + "; see " + home.resolve("hub.out"));
            }
            try (SametimeClient c = SametimeClient.connect("127.0.0.1", port)) {
                c.login(Users.id(0), Users.password(Users.id(0)));
                c.logout();
                return;
            } catch (IOException e) {
                last = e; // not listening yet, or the users service not bound yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the hub did not log users in within " + timeout + "; see " + home.resolve("hub.out"), last);
    }

    /** Bytes of live objects after a full GC (jcmd GC.class_histogram forces one); also keeps the histogram. */
    Histogram liveHeap() throws IOException, InterruptedException {
        String out = jcmd("GC.class_histogram");
        return Histogram.parse(out);
    }

    String jcmd(String... command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> cmd = new java.util.ArrayList<>(List.of(jcmd.toString(), Long.toString(pid())));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    long rssKb() {
        return ProcStats.rssKb(pid());
    }

    long openFiles() {
        return ProcStats.openFiles(pid());
    }

    double cpuSeconds() {
        return ProcStats.cpuSeconds(pid());
    }

    /** Lines of log/hub.log at a level (" ERROR ", " WARN "). */
    List<String> logLines(String level) throws IOException {
        Path log = home.resolve("log/hub.log");
        if (!Files.exists(log)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(" " + level + " ")).toList();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: the hub says goodbye to its clients and stops
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void copy(Path dist, Path target) throws IOException {
        if (!Files.isDirectory(dist.resolve("bundle"))) {
            throw new IllegalStateException("no distribution at " + dist.toAbsolutePath()
                    + ": build it first (mvn -q -DskipTests install)");
        }
        try (Stream<Path> files = Files.walk(dist)) {
            for (Path p : files.toList()) {
                Path rel = dist.relativize(p);
                if (rel.startsWith("data") || rel.startsWith("log")) {
                    continue; // run-time folders of a hub someone ran by hand
                }
                Path to = target.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** A class histogram of the live heap: total bytes, and bytes per class. */
    record Histogram(long totalBytes, long totalInstances, Map<String, long[]> classes) {
        static Histogram parse(String jcmdOutput) {
            Map<String, long[]> classes = new HashMap<>();
            long bytes = -1;
            long instances = -1;
            for (String line : jcmdOutput.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 3 && f[0].equals("Total")) {
                    instances = Long.parseLong(f[1]);
                    bytes = Long.parseLong(f[2]);
                } else if (f.length >= 4 && f[0].endsWith(":")) {
                    try {
                        classes.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
                    } catch (NumberFormatException e) {
                        // header line
                    }
                }
            }
            if (bytes < 0) {
                throw new IllegalStateException("no Total in class histogram: " + jcmdOutput);
            }
            return new Histogram(bytes, instances, classes);
        }

        /** The classes that grew most from {@code before} to this one: "class +instances +bytes" lines. */
        String growth(Histogram before, int top, long perDivisor) {
            StringBuilder b = new StringBuilder();
            classes.entrySet().stream()
                    .map(e -> {
                        long[] old = before.classes.getOrDefault(e.getKey(), new long[2]);
                        return Map.entry(e.getKey(), new long[] {e.getValue()[0] - old[0], e.getValue()[1] - old[1]});
                    })
                    .sorted((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]))
                    .limit(top)
                    .forEach(e -> b.append(String.format("%-70s %10d inst %12d B  %8.1f B/session%n", e.getKey(),
                            e.getValue()[0], e.getValue()[1], e.getValue()[1] / (double) Math.max(1, perDivisor))));
            return b.toString();
        }
    }
}
