package org.openst.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** A load-generator process ({@link org.openst.bench.load.Worker}) and its command channel. */
final class WorkerProcess implements AutoCloseable {
    final int index;
    private final Process process;
    private final PrintStream commands;
    private final BufferedReader answers;

    private WorkerProcess(int index, Process process) {
        this.index = index;
        this.process = process;
        this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static WorkerProcess start(int index, String java, String classpath, List<String> jvmOptions, Path log)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add("org.openst.bench.load.Worker");
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        return new WorkerProcess(index, p);
    }

    long pid() {
        return process.pid();
    }

    void send(Kv command) {
        commands.println(command);
    }

    Kv receive() throws IOException {
        String line;
        do {
            line = answers.readLine();
            if (line == null) {
                throw new IOException("worker " + index + " ended; see its log");
            }
            // A JVM agent (a profiler) may print to stdout too: only "ok"/"fail" lines are answers.
        } while (!line.startsWith("ok") && !line.startsWith("fail"));
        Kv kv = Kv.parse(line);
        if (!kv.verb().equals("ok")) {
            throw new IOException("worker " + index + ": " + kv.str("error", line));
        }
        return kv;
    }

    Kv call(Kv command) throws IOException {
        send(command);
        return receive();
    }

    /** Sends each worker its command, then collects all answers: the workers work in parallel. */
    static List<Kv> all(List<WorkerProcess> workers, IntFunction<Kv> command) throws IOException {
        for (WorkerProcess w : workers) {
            w.send(command.apply(w.index));
        }
        List<Kv> answers = new ArrayList<>();
        for (WorkerProcess w : workers) {
            answers.add(w.receive());
        }
        return answers;
    }

    double cpuSeconds() {
        return ProcStats.cpuSeconds(pid());
    }

    @Override
    public void close() throws InterruptedException {
        try {
            commands.println(new Kv("exit"));
        } catch (RuntimeException e) {
            // already gone
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
