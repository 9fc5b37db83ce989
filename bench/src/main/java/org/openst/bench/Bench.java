package org.openst.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;
import org.openst.bench.load.Histograms;

/**
 * The benchmark's one command: starts the hub from the built distribution as its own process,
 * drives it with load-generator processes ({@link org.openst.bench.load.Worker}) built on the
 * Java client library, and prints a table of results. See bench/README.md.
 *
 * <pre>bench/run.sh [sessions|im|fanout|churn|all|smoke] [--option value ...]</pre>
 */
public final class Bench {
    static final List<String> SCENARIOS = List.of("sessions", "im", "fanout", "churn");
    /** The local ports the load generators connect from, on each source address (see load.Target). */
    private static final int LOCAL_PORTS_START = 10_000;
    private static final int LOCAL_PORTS_END = 60_999;

    private final String scenario;
    private final Options o;
    private final String[] args;
    private final Report report = new Report();
    private Path dir;
    private String classpath;
    private int workerCount;

    private Bench(String[] args) {
        this.args = args;
        this.scenario = args.length == 0 ? "all" : args[0];
        this.o = new Options(args, args.length == 0 ? 0 : 1);
        if (scenario.equals("smoke")) {
            // CI scale: every scenario small and short; correctness is what counts here.
            o.dflt("users", 500).dflt("warmup-logins", 50).dflt("logins-in-flight", 16)
                    .dflt("pairs", 50).dflt("duration", 2).dflt("warmup", 1)
                    .dflt("watchers", 200).dflt("rounds", 2).dflt("warmup-rounds", 0)
                    .dflt("churn-pairs", 20).dflt("churn-users", 100).dflt("churners", 4).dflt("churn-rate", 200)
                    .dflt("churn-duration", 5)
                    .dflt("max-per-worker", 400).dflt("timeout", 30);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            System.out.println("usage: bench/run.sh [sessions|im|fanout|churn|all|smoke|micro] [--option value ...]\n\n"
                    + Options.help() + "\n  micro runs the JMH microbenchmarks (arguments after it go to JMH).");
            return;
        }
        Report r = run(args);
        System.exit(r.errors() == 0 && r.lost() == 0 ? 0 : 1);
    }

    /** Runs the benchmark and prints the table; for the smoke test too. */
    public static Report run(String... args) throws Exception {
        Bench b = new Bench(args);
        b.execute();
        return b.report;
    }

    private void execute() throws Exception {
        List<String> selected = switch (scenario) {
            case "all", "smoke" -> SCENARIOS;
            default -> {
                if (!SCENARIOS.contains(scenario)) {
                    throw new IllegalArgumentException("unknown scenario '" + scenario + "'; try --help");
                }
                yield List.of(scenario);
            }
        };
        dir = o.str("dir").isEmpty() ? Files.createTempDirectory("openst-bench-") : Path.of(o.str("dir"));
        Files.createDirectories(dir);
        classpath = classpath();
        String header = header();
        System.out.println(header);
        Files.writeString(dir.resolve("header.txt"), header);

        int users = 1;
        for (String s : selected) {
            users = Math.max(users, usersNeeded(s));
        }
        boolean hubNeeded = !(selected.equals(List.of("im")) && o.str("target").equals("relay"));
        HubProcess hub = null;
        try {
            if (hubNeeded) {
                hub = startHub(users);
            }
            for (String s : selected) {
                String load = waitQuiet();
                report.row(s, "load average (1 min) before", load);
                long errorLines = hub == null ? 0 : hub.logLines("ERROR").size();
                long start = System.nanoTime();
                switch (s) {
                    case "sessions" -> sessions(hub);
                    case "im" -> im(hub);
                    case "fanout" -> fanout(hub);
                    case "churn" -> churn(hub);
                    default -> throw new IllegalStateException(s);
                }
                if (hub != null) {
                    List<String> errors = hub.logLines("ERROR");
                    List<String> warns = hub.logLines("WARN");
                    if (errors.size() > errorLines) {
                        report.problem(s + ": the hub logged " + (errors.size() - errorLines) + " ERROR line(s), e.g. "
                                + errors.get((int) errorLines));
                    }
                    report.row(s, "hub ERROR log lines (all so far) / WARN", errors.size() + " / " + warns.size());
                }
                report.row(s, "scenario wall time", String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - start) / 1e9));
            }
        } finally {
            if (hub != null) {
                hub.close();
            }
        }
        String table = report.table();
        System.out.println();
        System.out.println(table);
        System.out.println("load average (1 min) at the end: " + ProcStats.loadAverage());
        for (String p : report.problems()) {
            System.out.println("PROBLEM: " + p);
        }
        Files.writeString(dir.resolve("results.md"), header + "\n" + table, StandardCharsets.UTF_8);
        if (o.flag("keep") || !o.str("profile").equals("none")) {
            System.out.println("run folder: " + dir);
        } else {
            deleteTree(dir);
        }
    }

    /** Waits until the machine is quiet (--quiet); returns the load average then. */
    private String waitQuiet() throws InterruptedException {
        double threshold = o.dbl("quiet");
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (threshold > 0 && Double.parseDouble(ProcStats.loadAverage()) >= threshold
                && System.nanoTime() - deadline < 0) {
            Thread.sleep(5000);
        }
        return ProcStats.loadAverage();
    }

    private int usersNeeded(String s) {
        return switch (s) {
            case "sessions" -> o.integer("users");
            case "im" -> 2 * o.integer("pairs");
            case "fanout" -> o.integer("watchers") + 1;
            case "churn" -> 2 * o.integer("churn-pairs") + o.integer("churn-users");
            default -> 1;
        };
    }

    private String header() throws IOException, InterruptedException {
        String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        return "OpenST benchmark " + Instant.now() + "\n"
                + "command: bench/run.sh " + String.join(" ", args) + "\n"
                + "machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + ProcStats.memTotalGiB() + " GiB; load average (1 min) at the start: " + ProcStats.loadAverage() + "\n"
                + "java: " + java + "; open files limit (soft): " + ProcStats.openFilesLimit() + "\n"
                + "hub: JAVA_OPTS='" + hubOpts() + "', io.threads=" + o.integer("io-threads")
                + " (0 = cores+1), users' PBKDF2 iterations " + o.integer("hash-iterations") + "\n"
                + "load generator: processes of at most " + o.integer("max-per-worker") + " connections, "
                + workerJava() + " '" + o.str("worker-opts") + "', source addresses 127.0.0.2.." + lastSource()
                + ", client I/O loop threads " + o.integer("client-io") + " (0 = a reader thread per connection), "
                + o.str("client-keys") + " client DH keys\n"
                + "run folder: " + dir;
    }

    private String lastSource() {
        return "127.0.0." + (1 + Math.max(1, o.integer("sources")));
    }

    private String hubOpts() {
        String opts = o.str("hub-opts");
        switch (o.str("profile")) {
            case "jfr" -> opts += " -XX:StartFlightRecording=filename=" + dir.resolve("hub.jfr")
                    + ",settings=profile,dumponexit=true";
            case "async", "none", "false" -> { } // async: attached to the measured phases only (profileStart)
            default -> throw new IllegalArgumentException("--profile must be async, jfr or none");
        }
        return opts.trim();
    }

    /**
     * The bare relay's JVM options: the collector the hub runs with (bin/hub's parallel collector,
     * or the one --hub-opts picks), so that the ceiling is measured on the same footing.
     */
    private List<String> relayJvmOptions() {
        List<String> opts = new ArrayList<>(List.of("-Xmx1g"));
        List<String> gc = Arrays.stream(o.str("hub-opts").trim().split("\\s+"))
                .filter(w -> w.startsWith("-XX:+Use") && w.endsWith("GC")).toList();
        opts.addAll(gc.isEmpty() ? List.of("-XX:+UseParallelGC") : gc);
        return opts;
    }

    /**
     * With --profile async: attaches async-profiler to the hub for a measured phase (CPU samples
     * every millisecond, kernel frames included, per thread).
     */
    private void profileStart(HubProcess hub) throws IOException, InterruptedException {
        if (hub != null && o.str("profile").equals("async")) {
            hub.jcmd("JVMTI.agent_load", asyncProfiler().toString(), "\"start,event=cpu,interval=1ms,threads\"");
        }
    }

    /** Stops the phase's profile, writes {@code hub-cpu-<name>.collapsed} and prints its summary. */
    private void profileStop(HubProcess hub, String name) throws IOException, InterruptedException {
        if (hub != null && o.str("profile").equals("async")) {
            Path collapsed = dir.resolve("hub-cpu-" + name + ".collapsed");
            hub.jcmd("JVMTI.agent_load", asyncProfiler().toString(), "\"stop,file=" + collapsed + ",collapsed\"");
            String summary = ProfileSummary.summarize(collapsed, "");
            Files.writeString(dir.resolve("hub-cpu-" + name + "-summary.txt"), summary);
            System.out.println("\nCPU profile of the hub during " + name + " (" + collapsed + "):\n" + summary);
        }
    }

    /** Extracts async-profiler's agent (linux-x64) from its jar in target/lib. */
    private Path asyncProfiler() {
        Path so = dir.resolve("libasyncProfiler.so");
        if (Files.exists(so)) {
            return so;
        }
        try (Stream<Path> jars = Files.list(benchTarget().resolve("lib"))) {
            Path jar = jars.filter(p -> p.getFileName().toString().startsWith("async-profiler")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no async-profiler jar in target/lib"));
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
                try (var in = zip.getInputStream(zip.getEntry("linux-x64/libasyncProfiler.so"))) {
                    Files.copy(in, so, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot extract async-profiler", e);
        }
        return so;
    }

    private HubProcess startHub(int users) throws Exception {
        StringBuilder cfg = new StringBuilder();
        if (o.integer("io-threads") > 0) {
            cfg.append("io.threads = ").append(o.integer("io-threads")).append('\n');
        }
        if (o.integer("auth-threads") > 0) {
            cfg.append("auth.threads = ").append(o.integer("auth-threads")).append('\n');
        }
        long limit = ProcStats.openFilesLimit();
        if (limit > 0 && limit < users + 500) {
            System.out.println("WARNING: the open-files limit " + limit + " is below " + (users + 500)
                    + ": raise it with ulimit -n (bench/run.sh does)");
        }
        long t = System.nanoTime();
        HubProcess hub = HubProcess.start(dist(), dir.resolve("hub"), freePort(), users, o.integer("hash-iterations"),
                cfg.toString(), hubOpts());
        System.out.printf(Locale.ROOT, "hub started (pid %d, port %d, %d users) in %.1f s%n", hub.pid(), hub.port,
                users, (System.nanoTime() - t) / 1e9);
        return hub;
    }

    // ------------------------------------------------------------------ sessions

    private void sessions(HubProcess hub) throws Exception {
        String s = "sessions";
        int n = o.integer("users");
        List<WorkerProcess> workers = startWorkers(n, hub.port);
        try {
            int[] share = shares(n, workers.size());
            int threads = Math.max(1, o.integer("logins-in-flight") / workers.size());
            // Warm-up: every process (and the hub) runs the login path before it is measured,
            // as a running hub and long-lived clients would have: JIT compilation is not counted.
            int warmup = o.integer("warmup-logins");
            if (warmup > 0) {
                // In rounds of at most the process's share of users: log in, log out.
                for (int done = 0; done < warmup; done += Math.max(1, share[0])) {
                    int left = warmup - done;
                    WorkerProcess.all(workers, i -> new Kv("login").put("first", offset(share, i))
                            .put("count", Math.min(left, share[i])).put("threads", threads));
                    WorkerProcess.all(workers, i -> new Kv("logout"));
                }
                // The hub finishes the logouts and its JIT compiler what the warm-up queued. (With
                // one round of 3,000 logins per process, C2 still took 20-30 % of the hub's CPU in
                // the measured logins: bench/README.md, "Performance".)
                long waited = ProcStats.awaitQuiet(hub.pid(), 0.05, 60_000);
                report.row(s, "wait for a quiet hub after the warm-up", fmt("%.1f s", waited / 1000.0));
            }
            HubProcess.Histogram before = hub.liveHeap();
            long rssBefore = hub.rssKb();
            Cpu cpu = new Cpu(hub.pid(), workers);
            profileStart(hub);
            List<Kv> answers = WorkerProcess.all(workers, i -> new Kv("login").put("first", offset(share, i))
                    .put("count", share[i]).put("threads", threads));
            Cpu.Used used = cpu.used();
            profileStop(hub, "sessions-logins");
            long ok = sum(answers, "loggedIn");
            long failed = sum(answers, "failed");
            long start = answers.stream().mapToLong(a -> a.lng("startUs")).min().orElse(0);
            long end = answers.stream().mapToLong(a -> a.lng("endUs")).max().orElse(0);
            double seconds = (end - start) / 1e6;
            Thread.sleep(1000);
            HubProcess.Histogram after = hub.liveHeap();
            long rssAfter = hub.rssKb();
            Files.writeString(dir.resolve("sessions-heap-growth.txt"),
                    "Live heap growth per class from before to after " + ok + " logins (jcmd GC.class_histogram)\n"
                            + after.growth(before, 40, ok));
            report.row(s, "sessions logged in", ok + " of " + n);
            report.row(s, "login rate", fmt("%.0f logins/s", ok / seconds));
            report.row(s, "time to all logged in", fmt("%.2f s", seconds));
            report.row(s, "hub live heap before / after", mib(before.totalBytes()) + " / " + mib(after.totalBytes()));
            report.row(s, "hub heap per session (after full GC)",
                    fmt("%.0f bytes", (after.totalBytes() - before.totalBytes()) / (double) Math.max(1, ok)));
            report.row(s, "hub RSS before / after", fmt("%.0f MiB / %.0f MiB", rssBefore / 1024.0, rssAfter / 1024.0));
            report.row(s, "hub RSS per session", fmt("%.1f KiB", (rssAfter - rssBefore) / (double) Math.max(1, ok)));
            report.row(s, "hub open files / threads", hub.openFiles() + " / " + ProcStats.threads(hub.pid()));
            report.row(s, "CPU during logins: hub / load generator", used.describe());
            if (failed > 0) {
                report.problem(s + ": " + failed + " login(s) failed");
            }
            report.errors(s, errorsOf(workers), samplesOf(workers));
            WorkerProcess.all(workers, i -> new Kv("logout"));
        } finally {
            stop(workers);
        }
    }

    // ------------------------------------------------------------------ im

    private void im(HubProcess hub) throws Exception {
        String target = o.str("target");
        double[] hubResult = null;
        double[] relayResult = null;
        if (!target.equals("relay")) {
            hubResult = imAgainst("im (hub)", hub.port, hub.pid(), false, hub);
        }
        if (!target.equals("hub")) {
            int io = o.integer("io-threads") > 0 ? o.integer("io-threads") : Runtime.getRuntime().availableProcessors() + 1;
            try (RelayProcess relay = RelayProcess.start(classpath, io, relayJvmOptions(), dir.resolve("relay.log"))) {
                relayResult = imAgainst("im (bare relay)", relay.port, relay.pid(), true, null);
            }
        }
        if (hubResult != null && relayResult != null) {
            report.row("im", "hub / ceiling: maximum rate", pct(hubResult[0] / relayResult[0]));
            report.row("im", "hub / ceiling: p99 at maximum", fmt("%.1fx", hubResult[1] / relayResult[1]));
        }
    }

    /** @return {max rate, p99 at max (µs)} */
    private double[] imAgainst(String s, int port, long serverPid, boolean relay, HubProcess hub) throws Exception {
        int pairs = o.integer("pairs");
        List<WorkerProcess> workers = startWorkers(2 * pairs, port);
        try {
            int[] share = shares(pairs, workers.size());
            int threads = Math.max(1, o.integer("logins-in-flight") / workers.size());
            List<Kv> setup = WorkerProcess.all(workers, i -> new Kv("im-setup").put("mode", relay ? "relay" : "hub")
                    .put("first", 2 * offset(share, i)).put("pairs", share[i]).put("threads", threads)
                    .put("key", "w" + i).put("cipher", o.str("cipher")).put("size", o.integer("size")));
            long failedPairs = sum(setup, "failedPairs");
            if (failedPairs > 0) {
                report.problem(s + ": " + failedPairs + " pair(s) not set up");
            }
            report.row(s, "pairs (flows)", (pairs - failedPairs) + " (" + sum(setup, "flows") + ")");
            long warmupMs = o.integer("warmup") * 1000L;
            long measureMs = o.integer("duration") * 1000L;

            Cpu cpu = new Cpu(serverPid, workers);
            List<Kv> max = phase(workers, 0, warmupMs, measureMs, hub, "im-max");
            Cpu.Used maxCpu = cpu.used();
            double maxRate = rate(max);
            Histogram maxHist = merge(max);
            report.row(s, "max rate (closed loop, window " + o.integer("window") + ", batch " + o.integer("batch") + ")",
                    fmt("%.0f msg/s", maxRate));
            report.row(s, "  latency p50 / p99 / p99.9 at max", latencies(maxHist));
            report.row(s, "  CPU at max: server / load generator", maxCpu.describe());

            List<Double> rates = new ArrayList<>();
            if (o.dbl("rate") > 0) {
                rates.add(o.dbl("rate"));
            } else {
                for (String f : o.str("fractions").split(",")) {
                    rates.add(maxRate * Double.parseDouble(f.trim()));
                }
            }
            for (double fixed : rates) {
                String label = o.dbl("rate") > 0 ? "fixed rate"
                        : fmt("%.0f %% of max", 100 * fixed / maxRate).replace("50 % of max", "half of max");
                cpu = new Cpu(serverPid, workers);
                List<Kv> open = phase(workers, fixed, Math.max(1000, warmupMs / 2), measureMs, hub,
                        "im-" + Math.round(100 * fixed / Math.max(1, maxRate)) + "pct");
                Cpu.Used openCpu = cpu.used();
                report.row(s, label + " (open loop, batch " + o.integer("batch") + ")",
                        fmt("%.0f msg/s offered, %.0f delivered", fixed, rate(open)));
                report.row(s, "  latency p50 / p99 / p99.9 at " + label, latencies(merge(open)));
                report.row(s, "  CPU at " + label + ": server / load generator", openCpu.describe());
            }

            List<Kv> totals = WorkerProcess.all(workers, i -> new Kv("im-totals"));
            report.row(s, "messages sent / received", sum(totals, "totalSent") + " / " + sum(totals, "totalReceived"));
            long gaps = sum(totals, "gaps");
            long reordered = sum(totals, "reordered");
            if (gaps + reordered > 0) {
                report.problem(s + ": " + gaps + " gap(s), " + reordered + " reordered message(s)");
            }
            report.lost(s, sum(totals, "lost"));
            report.errors(s, errorsOf(workers), samplesOf(workers));
            WorkerProcess.all(workers, i -> new Kv("logout"));
            return new double[] {maxRate, maxHist.getValueAtPercentile(99) / 1000.0};
        } finally {
            stop(workers);
        }
    }

    private List<Kv> phase(List<WorkerProcess> workers, double totalRate, long warmupMs, long measureMs,
            HubProcess hub, String profileName) throws IOException, InterruptedException {
        long startAt = System.currentTimeMillis() + 300;
        Thread profiler = null;
        if (hub != null && o.str("profile").equals("async")) {
            // Profile the measured part only: from the end of the warm-up to the end of the phase.
            profiler = new Thread(() -> {
                try {
                    Thread.sleep(Math.max(0, startAt + warmupMs - System.currentTimeMillis()));
                    profileStart(hub);
                } catch (Exception e) {
                    System.out.println("profile not started: " + e);
                }
            });
            profiler.start();
        }
        List<Kv> answers = phaseCommand(workers, totalRate, warmupMs, measureMs, startAt);
        if (profiler != null) {
            profiler.join();
            profileStop(hub, profileName);
        }
        return answers;
    }

    private List<Kv> phaseCommand(List<WorkerProcess> workers, double totalRate, long warmupMs, long measureMs,
            long startAt) throws IOException {
        return WorkerProcess.all(workers, i -> new Kv("im-phase").put("rate", totalRate / workers.size())
                .put("window", o.integer("window")).put("batch", o.integer("batch"))
                .put("senders", o.integer("senders"))
                .put("warmupMs", warmupMs).put("measureMs", measureMs).put("startAtMs", startAt));
    }

    private static double rate(List<Kv> answers) {
        double r = 0;
        for (Kv a : answers) {
            r += a.lng("delivered") / a.dbl("seconds");
        }
        return r;
    }

    private static Histogram merge(List<Kv> answers) {
        Histogram h = null;
        for (Kv a : answers) {
            Histogram x = Histograms.decode(a.str("hist"));
            if (h == null) {
                h = x;
            } else {
                h.add(x);
            }
        }
        return h;
    }

    private static String latencies(Histogram h) {
        if (h == null || h.getTotalCount() == 0) {
            return "-";
        }
        return fmt("%s / %s / %s", ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)));
    }

    private static String ms(long nanos) {
        return nanos < 10_000_000 ? fmt("%.2f ms", nanos / 1e6) : fmt("%.0f ms", nanos / 1e6);
    }

    // ------------------------------------------------------------------ fanout

    private void fanout(HubProcess hub) throws Exception {
        String s = "fanout";
        int w = o.integer("watchers");
        List<WorkerProcess> workers = startWorkers(w + 1, hub.port);
        try {
            int[] share = shares(w, workers.size());
            int threads = Math.max(1, o.integer("logins-in-flight") / workers.size());
            List<Kv> setup = WorkerProcess.all(workers, i -> new Kv("fanout-setup").put("subject", org.openst.bench.load.Users.id(0))
                    .put("subjectIndex", i == 0 ? 0 : -1).put("first", 1 + offset(share, i)).put("count", share[i])
                    .put("threads", threads));
            long subscribed = sum(setup, "loggedIn") - sum(setup, "subscribeFailed");
            report.row(s, "watchers subscribed", subscribed + " of " + w);
            List<Double> lasts = new ArrayList<>();
            int warmupRounds = Math.max(0, o.integer("warmup-rounds"));
            int rounds = Math.min(o.integer("rounds"), 64 - warmupRounds); // the workers keep 64 rounds
            for (int r = 0; r < warmupRounds; r++) {
                Thread.sleep(1000);
                int round = r;
                long t0 = workers.get(0).call(new Kv("fanout-round").put("round", round)).lng("t0Us");
                List<Kv> got = WorkerProcess.all(workers, i -> new Kv("fanout-collect").put("round", round).put("t0Us", t0)
                        .put("timeoutMs", o.integer("timeout") * 1000L));
                if (sum(got, "got") < sum(got, "expected")) {
                    report.problem(s + ": warm-up round " + (r + 1) + ": " + (sum(got, "expected") - sum(got, "got"))
                            + " watcher(s) missed the update");
                }
            }
            profileStart(hub);
            for (int r = 0; r < rounds; r++) {
                Thread.sleep(1000);
                int round = warmupRounds + r;
                long t0 = workers.get(0).call(new Kv("fanout-round").put("round", round)).lng("t0Us");
                List<Kv> got = WorkerProcess.all(workers, i -> new Kv("fanout-collect").put("round", round).put("t0Us", t0)
                        .put("timeoutMs", o.integer("timeout") * 1000L));
                long expected = sum(got, "expected");
                long received = sum(got, "got");
                double last = got.stream().filter(g -> g.has("lastUs")).mapToLong(g -> g.lng("lastUs")).max().orElse(-1) / 1000.0;
                double p50 = got.stream().filter(g -> g.has("p50Us")).mapToLong(g -> g.lng("p50Us")).max().orElse(-1) / 1000.0;
                lasts.add(last);
                report.row(s, "round " + (r + 1) + ": last / median watcher", fmt("%.1f ms / %.1f ms", last, p50)
                        + (received < expected ? fmt(" (%d of %d got it)", received, expected) : ""));
                if (received < expected) {
                    report.problem(s + ": round " + (r + 1) + ": " + (expected - received) + " watcher(s) missed the update");
                }
            }
            profileStop(hub, "fanout-rounds");
            if (!lasts.isEmpty()) {
                double[] sorted = lasts.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                report.row(s, "time to last watcher: median / worst of " + sorted.length,
                        fmt("%.1f ms / %.1f ms", sorted[sorted.length / 2], sorted[sorted.length - 1]));
            }
            report.errors(s, errorsOf(workers), samplesOf(workers));
            WorkerProcess.all(workers, i -> new Kv("logout"));
        } finally {
            stop(workers);
        }
    }

    // ------------------------------------------------------------------ churn

    private void churn(HubProcess hub) throws Exception {
        String s = "churn";
        int pairs = o.integer("churn-pairs");
        int churnUsers = o.integer("churn-users");
        List<WorkerProcess> workers = startWorkers(2 * pairs + churnUsers, hub.port);
        try {
            int[] pairShare = shares(pairs, workers.size());
            int[] churnShare = shares(churnUsers, workers.size());
            int threads = Math.max(1, o.integer("logins-in-flight") / workers.size());
            List<Kv> setup = WorkerProcess.all(workers, i -> new Kv("churn-setup").put("first", 2 * offset(pairShare, i))
                    .put("pairs", pairShare[i]).put("churnFirst", 2 * pairs + offset(churnShare, i))
                    .put("churnCount", churnShare[i]).put("watch", o.integer("churn-watch")).put("threads", threads)
                    .put("cipher", o.str("cipher")).put("size", o.integer("size")));
            long failedPairs = sum(setup, "failedPairs");
            if (failedPairs > 0) {
                report.problem(s + ": " + failedPairs + " stable pair(s) not set up");
            }
            long startAt = System.currentTimeMillis() + 300;
            int churners = Math.max(1, o.integer("churners") / workers.size());
            long ms = o.integer("churn-duration") * 1000L;
            Cpu cpu = new Cpu(hub.pid(), workers);
            profileStart(hub);
            List<Kv> run = WorkerProcess.all(workers, i -> new Kv("churn-run").put("rate", o.dbl("churn-rate") / workers.size())
                    .put("churners", churners).put("durationMs", ms).put("senders", o.integer("senders"))
                    .put("startAtMs", startAt));
            Cpu.Used used = cpu.used();
            profileStop(hub, "churn");
            double seconds = ms / 1000.0;
            long logins = sum(run, "churnLogins");
            report.row(s, "churning logins (log in, IM, leave)", fmt("%d (%.0f/s)", logins, logins / seconds));
            report.row(s, "churn messages delivered / sent", sum(run, "churnDelivered") + " / " + sum(run, "churnMessages"));
            report.row(s, "stable chat messages received / sent", sum(run, "totalReceived") + " / " + sum(run, "totalSent"));
            report.row(s, "stable chat latency p50 / p99 / p99.9", latencies(merge(run)));
            report.row(s, "CPU: hub / load generator", used.describe());
            long gaps = sum(run, "gaps");
            long reordered = sum(run, "reordered");
            if (gaps + reordered > 0) {
                report.problem(s + ": " + gaps + " gap(s), " + reordered + " reordered message(s)");
            }
            report.lost(s, sum(run, "lost") + sum(run, "churnLost"));
            report.errors(s, errorsOf(workers), samplesOf(workers));
            WorkerProcess.all(workers, i -> new Kv("logout"));
        } finally {
            stop(workers);
        }
    }

    // ------------------------------------------------------------------ helpers

    private List<WorkerProcess> startWorkers(int connections, int port) throws IOException {
        int perWorker = Math.max(1, o.integer("max-per-worker"));
        int n = Math.max(1, (connections + perWorker - 1) / perWorker);
        List<String> jvm = new ArrayList<>(Arrays.asList(o.str("worker-opts").trim().split("\\s+")));
        jvm.removeIf(String::isEmpty);
        List<WorkerProcess> workers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            workers.add(WorkerProcess.start(i, workerJava(), classpath, jvm, dir.resolve("worker-" + (workerCount++) + ".log")));
        }
        String sources = sourceAddresses();
        // Each process takes its local ports from its own slice of 10000..60999, so that two
        // processes never pick the same source address and port.
        int portsEach = (LOCAL_PORTS_END - LOCAL_PORTS_START + 1) / n;
        WorkerProcess.all(workers, i -> new Kv("init").put("host", "127.0.0.1").put("port", port)
                .put("firstPort", LOCAL_PORTS_START + i * portsEach).put("lastPort", LOCAL_PORTS_START + (i + 1) * portsEach - 1)
                .put("sources", sources).put("timeoutMs", o.integer("timeout") * 1000L)
                .put("ioThreads", o.integer("client-io")).put("clientKeys", o.str("client-keys")));
        return workers;
    }

    private String workerJava;

    /** --worker-java: a path, or the newest Java 21+ JDK under /usr/lib/jvm, or our own java. */
    private String workerJava() {
        if (workerJava != null) {
            return workerJava;
        }
        String opt = o.str("worker-java");
        Path own = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!opt.equals("auto")) {
            Path p = Path.of(opt);
            workerJava = (Files.isDirectory(p) ? p.resolve("bin/java") : p).toString();
            return workerJava;
        }
        workerJava = own.toString();
        if (Runtime.version().feature() >= 21) {
            return workerJava;
        }
        int best = 0;
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            for (Path jdk : jdks.toList()) {
                int feature = javaFeature(jdk);
                if (feature >= 21 && feature > best && Files.isExecutable(jdk.resolve("bin/java"))) {
                    best = feature;
                    workerJava = jdk.resolve("bin/java").toString();
                }
            }
        } catch (IOException e) {
            // none found: our own java with platform threads
        }
        return workerJava;
    }

    /** The feature version in a JDK's release file (JAVA_VERSION="25.0.1"), 0 if unknown. */
    private static int javaFeature(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        return 0;
    }

    private String sourceAddresses() throws IOException {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < o.integer("sources"); i++) {
            String a = "127.0.0." + (2 + i);
            if (!InetAddress.getByName(a).isLoopbackAddress()) {
                throw new IllegalStateException(a + " is not a loopback address here");
            }
            list.add(a);
        }
        return String.join(",", list);
    }

    private static void stop(List<WorkerProcess> workers) throws InterruptedException {
        for (WorkerProcess w : workers) {
            w.close();
        }
    }

    private static long errorsOf(List<WorkerProcess> workers) throws IOException {
        return sum(WorkerProcess.all(workers, i -> new Kv("errors")), "errors");
    }

    private static String samplesOf(List<WorkerProcess> workers) throws IOException {
        return WorkerProcess.all(workers, i -> new Kv("errors")).stream().map(k -> k.str("samples", ""))
                .filter(x -> !x.isEmpty()).collect(Collectors.joining(" | "));
    }

    /** Splits n into k nearly equal parts. */
    static int[] shares(int n, int k) {
        int[] s = new int[k];
        for (int i = 0; i < k; i++) {
            s[i] = n / k + (i < n % k ? 1 : 0);
        }
        return s;
    }

    static int offset(int[] shares, int i) {
        int sum = 0;
        for (int j = 0; j < i; j++) {
            sum += shares[j];
        }
        return sum;
    }

    private static long sum(List<Kv> answers, String key) {
        return answers.stream().mapToLong(a -> a.lng(key, 0)).sum();
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String mib(long bytes) {
        return fmt("%.1f MiB", bytes / 1048576.0);
    }

    private static String pct(double fraction) {
        return fmt("%.0f %%", 100 * fraction);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The distribution: --dist, else -Dopenst.dist, else runtime/target/openst-hub beside bench/. */
    private Path dist() {
        if (!o.str("dist").isEmpty()) {
            return Path.of(o.str("dist"));
        }
        String prop = System.getProperty("openst.dist");
        if (prop != null) {
            return Path.of(prop);
        }
        return benchTarget().getParent().getParent().resolve("runtime/target/openst-hub");
    }

    /** bench/target, where this class was loaded from (target/classes or target/openst-bench.jar). */
    private static Path benchTarget() {
        try {
            Path here = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return here.getParent();
        } catch (Exception e) {
            throw new IllegalStateException("cannot locate the bench classes", e);
        }
    }

    /** The class path of the worker and relay processes: the bench classes and target/lib/*. */
    private static String classpath() throws IOException {
        String prop = System.getProperty("bench.classpath");
        if (prop != null) {
            return prop;
        }
        Path target = benchTarget();
        Path here;
        try {
            here = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Path lib = target.resolve("lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("no " + lib + ": build the bench module with mvn package first");
        }
        try (Stream<Path> jars = Files.list(lib)) {
            return Stream.concat(Stream.of(here), jars.filter(p -> p.toString().endsWith(".jar")).sorted())
                    .map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** CPU seconds used by the server and the load generator between two points, as cores busy. */
    static final class Cpu {
        private final long serverPid;
        private final List<WorkerProcess> workers;
        private final double server0;
        private final double load0;
        private final long t0 = System.nanoTime();

        Cpu(long serverPid, List<WorkerProcess> workers) {
            this.serverPid = serverPid;
            this.workers = workers;
            this.server0 = ProcStats.cpuSeconds(serverPid);
            this.load0 = workers.stream().mapToDouble(WorkerProcess::cpuSeconds).sum();
        }

        Used used() {
            double wall = (System.nanoTime() - t0) / 1e9;
            return new Used(ProcStats.cpuSeconds(serverPid) - server0,
                    workers.stream().mapToDouble(WorkerProcess::cpuSeconds).sum() - load0, wall);
        }

        record Used(double server, double load, double wall) {
            String describe() {
                return fmt("%.2f / %.2f cores", server / wall, load / wall);
            }
        }
    }
}
