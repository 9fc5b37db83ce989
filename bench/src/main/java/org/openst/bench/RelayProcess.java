package org.openst.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The bare relay ({@link org.openst.bench.relay.BareRelay}) as a separate process. */
final class RelayProcess implements AutoCloseable {
    final int port;
    private final Process process;

    private RelayProcess(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static RelayProcess start(String classpath, int ioThreads, List<String> jvmOptions, Path log) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add("org.openst.bench.relay.BareRelay");
        cmd.add("127.0.0.1");
        cmd.add("0");
        cmd.add(Integer.toString(ioThreads));
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("listening ")) {
            p.destroyForcibly();
            throw new IOException("the relay did not start: " + line + "; see " + log);
        }
        return new RelayProcess(Integer.parseInt(line.substring("listening ".length()).trim()), p);
    }

    long pid() {
        return process.pid();
    }

    double cpuSeconds() {
        return ProcStats.cpuSeconds(pid());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
