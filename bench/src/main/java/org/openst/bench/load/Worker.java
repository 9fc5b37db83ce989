package org.openst.bench.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.openst.bench.Kv;
import org.openst.client.ClientIoLoop;
import org.openst.client.LoginKeys;

/**
 * A load-generator process. The coordinator ({@link org.openst.bench.Bench}) starts several and
 * drives them over stdin/stdout, one command line in, one answer line out ({@link Kv}); the log
 * goes to stderr. Each process holds at most a few thousand connections, far from the
 * 20,000-file limit of a process.
 *
 * <p>Commands: {@code init}, {@code login}, {@code logout}, {@code im-setup}, {@code im-phase},
 * {@code im-totals}, {@code fanout-setup}, {@code fanout-round}, {@code fanout-collect},
 * {@code churn-setup}, {@code churn-run}, {@code errors}, {@code exit}.
 */
public final class Worker {
    private final Errors errors = new Errors();
    private Target target;
    private long timeoutMillis = 30_000;
    private BenchClient[] sessions = new BenchClient[0];
    private ImLoad im;
    private BenchClient[] imClients = new BenchClient[0];
    private final List<RawPeer> rawPeers = new ArrayList<>();
    private Fanout fanout;
    private Churn churn;

    public static void main(String[] args) throws Exception {
        PrintStream answers = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err); // stdout carries answers only
        ScheduledExecutorService keepalives = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "keepalives");
            t.setDaemon(true);
            return t;
        });
        // Like Pidgin, keep idle connections alive well within the hub's idle time-out (90 s).
        keepalives.scheduleWithFixedDelay(() -> BenchClient.LIVE.forEach(BenchClient::keepalive), 30, 30, TimeUnit.SECONDS);
        Worker w = new Worker();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            Kv cmd = Kv.parse(line);
            if (cmd.verb().equals("exit")) {
                answers.println(new Kv("ok"));
                break;
            }
            Kv answer;
            try {
                answer = w.execute(cmd);
            } catch (Throwable t) {
                t.printStackTrace();
                answer = new Kv("fail").put("error", t.toString());
            }
            answers.println(answer);
        }
        System.exit(0);
    }

    private Kv execute(Kv cmd) throws Exception {
        switch (cmd.verb()) {
            case "init": {
                timeoutMillis = cmd.lng("timeoutMs", timeoutMillis);
                int ioThreads = cmd.integer("ioThreads", 1);
                ClientIoLoop io = ioThreads > 0 ? ClientIoLoop.start("bench-io", ioThreads) : null;
                LoginKeys keys = switch (cmd.str("clientKeys", "shared")) {
                    case "shared" -> LoginKeys.shared(new SecureRandom());
                    case "fresh" -> null;
                    default -> throw new IllegalArgumentException("client keys must be shared or fresh: " + cmd.str("clientKeys"));
                };
                target = new Target(cmd.str("host"), cmd.integer("port"), Arrays.asList(cmd.str("sources", "").split(",")),
                        cmd.integer("firstPort"), cmd.integer("lastPort"), Duration.ofMillis(timeoutMillis), io, keys);
                return new Kv("ok").put("readers", io != null ? ioThreads + " I/O loop threads" : ReaderThreads.describe())
                        .put("java", System.getProperty("java.runtime.version"));
            }
            case "login": {
                Logins l = Logins.run(target, cmd.integer("first"), cmd.integer("count"), cmd.integer("threads"),
                        true, errors);
                sessions = l.clients;
                return l.report(new Kv("ok"));
            }
            case "logout": {
                long start = System.nanoTime();
                logoutAll(sessions);
                logoutAll(imClients);
                rawPeers.forEach(RawPeer::ending); // all first: closing one ends its partner's connection too
                rawPeers.forEach(RawPeer::close);
                rawPeers.clear();
                if (fanout != null) {
                    fanout.logoutAll();
                }
                if (churn != null) {
                    churn.logoutAll();
                }
                return new Kv("ok").put("ms", (System.nanoTime() - start) / 1_000_000);
            }
            case "im-setup": {
                im = new ImLoad(errors, cmd.integer("size", 64));
                int pairs = cmd.integer("pairs");
                int threads = cmd.integer("threads");
                int directions = cmd.integer("directions", 2);
                long start = System.nanoTime();
                int failed;
                if (cmd.str("mode", "hub").equals("relay")) {
                    failed = Pairs.connectRelayPeers(target, cmd.str("key") + "-", pairs, im, directions, threads,
                            timeoutMillis, rawPeers);
                } else {
                    Logins l = Logins.run(target, cmd.integer("first"), 2 * pairs, threads,
                            cmd.str("cipher", "none").equals("rc2"), errors);
                    imClients = l.clients;
                    failed = Pairs.openConversations(imClients, im, directions, threads, timeoutMillis);
                }
                return new Kv("ok").put("failedPairs", failed).put("flows", im.flowCount())
                        .put("ms", (System.nanoTime() - start) / 1_000_000);
            }
            case "im-phase": {
                waitUntil(cmd.lng("startAtMs", 0));
                return im.phase(cmd.dbl("rate"), cmd.integer("window", 1), cmd.integer("batch", 1), cmd.integer("senders", 2),
                        cmd.lng("warmupMs"), cmd.lng("measureMs"), cmd.lng("drainMs", 10_000));
            }
            case "im-totals":
                return im.totals(new Kv("ok"));
            case "fanout-setup": {
                fanout = new Fanout(cmd.str("subject"), errors);
                return fanout.setup(target, cmd.integer("subjectIndex", -1), cmd.integer("first"), cmd.integer("count"),
                        cmd.integer("threads"), timeoutMillis);
            }
            case "fanout-round":
                return fanout.round(cmd.integer("round"));
            case "fanout-collect":
                return fanout.collect(cmd.integer("round"), cmd.lng("t0Us"), cmd.lng("timeoutMs", 10_000));
            case "churn-setup": {
                churn = new Churn(target, errors, cmd.integer("size", 64), cmd.str("cipher", "none").equals("rc2"));
                return churn.setup(cmd.integer("first"), cmd.integer("pairs"), cmd.integer("churnFirst"),
                        cmd.integer("churnCount"), cmd.integer("watch", 4), cmd.integer("threads"), timeoutMillis);
            }
            case "churn-run": {
                waitUntil(cmd.lng("startAtMs", 0));
                return churn.run(cmd.dbl("rate"), cmd.integer("churners"), cmd.lng("durationMs"),
                        cmd.integer("senders", 2));
            }
            case "errors":
                return new Kv("ok").put("errors", errors.count()).put("samples", errors.samples());
            default:
                throw new IllegalArgumentException("unknown command " + cmd.verb());
        }
    }

    private static void logoutAll(BenchClient[] clients) {
        for (BenchClient c : clients) {
            if (c != null) {
                c.logout();
            }
        }
    }

    private static void waitUntil(long epochMillis) throws InterruptedException {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
