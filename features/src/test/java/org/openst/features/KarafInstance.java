package org.openst.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A copy of the stock Apache Karaf distribution (unpacked by the build from Maven Central) set up
 * for one test run, started headless as {@code bin/karaf server} and driven through
 * {@code bin/client} exactly as an administrator would. What the copy changes in Karaf's etc/:
 * free ports for SSH and JMX (nothing clashes with another Karaf or test), the {@code karaf}
 * user enabled (it is commented out in a stock etc/users.properties), this build's Maven
 * repository as the first place pax-url looks for {@code mvn:} URLs (CI installs nothing into
 * ~/.m2), and the build's own local repository as pax-url's, so that Karaf sees what the build
 * sees; everything else, Maven Central included, stays as shipped.
 */
final class KarafInstance implements AutoCloseable {
    private static final String USER = "karaf";

    final Path home;
    private final int sshPort;
    private Process process;
    private Thread reaper;

    private KarafInstance(Path home, int sshPort) {
        this.home = home;
        this.sshPort = sshPort;
    }

    /**
     * Copies the pristine distribution to {@code target} (replacing an older copy) and configures it.
     *
     * @param repository a Maven repository folder holding this build's artifacts
     * @param localRepository the build's local Maven repository
     */
    static KarafInstance prepare(Path distribution, Path target, Path repository, Path localRepository)
            throws IOException {
        deleteTree(target);
        copyTree(distribution, target);
        int ssh = freePort();
        int rmiRegistry = freePort();
        int rmiServer = freePort();
        KarafInstance karaf = new KarafInstance(target, ssh);
        karaf.setKeys("etc/org.apache.karaf.shell.cfg", "sshPort = " + ssh, "sshHost = 127.0.0.1");
        karaf.setKeys("etc/org.apache.karaf.management.cfg", "rmiRegistryPort = " + rmiRegistry,
                "rmiServerPort = " + rmiServer);
        karaf.replace("etc/users.properties",
                "\n#karaf = karaf,_g_:admingroup", "\nkaraf = karaf,_g_:admingroup",
                "\n#_g_\\:admingroup = ", "\n_g_\\:admingroup = ");
        karaf.replace("etc/org.ops4j.pax.url.mvn.cfg",
                "org.ops4j.pax.url.mvn.defaultRepositories=\\\n",
                "org.ops4j.pax.url.mvn.defaultRepositories=" + repository.toUri() + "@id=openst.build@snapshots, \\\n",
                "\n#org.ops4j.pax.url.mvn.localRepository=\n",
                "\norg.ops4j.pax.url.mvn.localRepository=" + localRepository + "\n");
        return karaf;
    }

    /**
     * Writes a file under Karaf's folder (e.g. an etc/*.cfg), whole: written beside it under a name
     * FileInstall ignores, then moved over it, so that FileInstall never reads half a file.
     */
    void write(String relative, String content) throws IOException {
        Path file = home.resolve(relative);
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Starts {@code bin/karaf server} and waits until the console answers feature commands. */
    void start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("console.out").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        process = pb.start();
        // Should this JVM die without closing us, Karaf must not outlive it.
        reaper = new Thread(this::kill, "karaf-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
        Await.until("Karaf's SSH console on port " + sshPort, () -> accepts(sshPort), this::state);
        // SSH can be up before the features service: wait until the feature commands answer.
        Await.until("the feature commands", () -> {
            Result r = client("feature:repo-list");
            return r.exit == 0 && r.output.contains("standard-");
        }, this::state);
    }

    /** Runs console commands (one per line, in one session) and asserts that none failed. */
    String console(String... commands) {
        Result r = client(commands);
        assertEquals(0, r.exit, () -> "bin/client failed:\n" + r.output + "\n" + logTail());
        assertFalse(r.output.contains("Error executing command") || r.output.contains("Command not found"),
                () -> "a console command failed: " + String.join("; ", commands) + "\n" + r.output + "\n" + logTail());
        return r.output;
    }

    private record Result(int exit, String output) {
    }

    /** bin/client in batch mode (-b): the commands on stdin, as TOOLCHAIN.md notes for scripts. */
    private Result client(String... commands) {
        try {
            ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/client").toString(), "-b",
                    "-h", "127.0.0.1", "-a", Integer.toString(sshPort), "-u", USER, "-p", USER)
                    .directory(home.toFile()).redirectErrorStream(true);
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process p = pb.start();
            p.getOutputStream().write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            // Read before waiting, so a long answer cannot fill the pipe and stall the client.
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("bin/client hung on " + String.join("; ", commands));
            }
            // Karaf colours matches and errors even in batch mode; tests compare plain text.
            return new Result(p.exitValue(), output.replaceAll("\u001B\\[[0-9;]*m", "").replace("\r", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** All of data/log/karaf.log so far (empty before Karaf wrote it). */
    String log() {
        return read(home.resolve("data/log/karaf.log"));
    }

    /** The last lines of data/log/karaf.log, for failure messages. */
    String logTail() {
        Path log = home.resolve("data/log/karaf.log");
        try {
            if (!Files.exists(log)) {
                return "(no data/log/karaf.log; console output:\n" + read(home.resolve("console.out")) + ")";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "--- data/log/karaf.log (last 200 lines) ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 200), lines.size()));
        } catch (IOException e) {
            return "(karaf.log unreadable: " + e + ")";
        }
    }

    private String state() {
        boolean alive = process != null && process.isAlive();
        return (alive ? "Karaf is running" : "Karaf is not running") + "\n" + logTail();
    }

    /** Stops Karaf with bin/stop, and kills it only if it does not end within a minute. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        try {
            if (process.isAlive()) {
                ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/stop").toString())
                        .directory(home.toFile()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
                pb.start().waitFor(60, TimeUnit.SECONDS);
                process.waitFor(60, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            // bin/stop could not run: fall through to killing the process tree.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            kill();
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to: it kills the same processes.
            }
        }
    }

    /** Kills bin/karaf and the JVM it started (the script runs java as a child, not with exec). */
    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void setKeys(String relative, String... keyValues) throws IOException {
        edit(relative, text -> {
            String result = text;
            for (String kv : keyValues) {
                String key = kv.substring(0, kv.indexOf('=')).strip();
                String replaced = result.replaceAll("(?m)^" + key + "\\s*=.*$", kv);
                if (replaced.equals(result) && !result.contains(kv)) {
                    throw new IllegalStateException(relative + " has no key " + key);
                }
                result = replaced;
            }
            return result;
        });
    }

    /** Replaces each text (pairs: old, new) in a stock file; each must be there. */
    private void replace(String relative, String... pairs) throws IOException {
        edit(relative, text -> {
            String result = text;
            for (int i = 0; i < pairs.length; i += 2) {
                if (!result.contains(pairs[i])) {
                    throw new IllegalStateException("the stock " + relative + " changed: no " + pairs[i].strip());
                }
                result = result.replace(pairs[i], pairs[i + 1]);
            }
            return result;
        });
    }

    private void edit(String relative, java.util.function.UnaryOperator<String> change) throws IOException {
        Path file = home.resolve(relative);
        Files.writeString(file, change.apply(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
