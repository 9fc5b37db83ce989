package org.openst.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Command-line options {@code --name value} (or {@code --flag}) with documented defaults. */
final class Options {
    /** name -> {default, help}. */
    static final Map<String, String[]> KNOWN = new LinkedHashMap<>();

    static {
        d("users", "19000", "sessions: users to log in and hold");
        d("warmup-logins", "19000", "sessions: logins (then logouts) per load-generator process, in rounds of at most its share of --users, before the measured logins and the baseline heap (JIT warm-up of hub and load generator)");
        d("logins-in-flight", "64", "logins under way at once (connected, LOGIN_ACK not yet received), shared by the workers");
        d("client-io", "1", "load generator: I/O loop threads per process that read all its connections (ClientIoLoop); 0 = a reader thread per connection (virtual threads on Java 21+)");
        d("client-keys", "shared", "load generator: shared = one client DH key pair per process for all RC2/128 logins (LoginKeys; the hub's work per login is the same), fresh = a new pair per login, as Pidgin");
        d("pairs", "500", "im: pairs of users; each pair has one IM conversation, both directions send");
        d("duration", "10", "im: seconds measured per phase");
        d("warmup", "5", "im: seconds of traffic before each measured phase");
        d("window", "8", "im: messages in flight per direction in the maximum-rate phase");
        d("batch", "8", "im: messages of one conversation that go out with one write (ImConversation.sendTexts): at most this many in the closed loop, bursts of this many in the open loop; 1 = one write per message");
        d("senders", "2", "im/churn: sender threads per worker process");
        d("size", "64", "im/churn: characters per message text");
        d("rate", "0", "im: fixed rate (messages/s) for the open-loop phase; 0 = the --fractions of the measured maximum");
        d("fractions", "0.5", "im: open-loop phases at these fractions of the maximum rate, e.g. 0.1,0.25,0.5");
        d("cipher", "none", "im/churn: IM channel encryption: none, or rc2 (offer RC2/40+RC2/128 as Pidgin; load generator decrypts)");
        d("target", "both", "im: hub, relay (the bare MINA relay, the ceiling) or both");
        d("watchers", "10000", "fanout: users watching the one whose status changes");
        d("rounds", "5", "fanout: measured status changes, one second apart");
        d("warmup-rounds", "2", "fanout: status changes before the measured ones (a running hub is warm; not reported)");
        d("churn-duration", "20", "churn: seconds of churn");
        d("churn-pairs", "200", "churn: pairs of stable users that chat during the churn");
        d("churn-rate", "2000", "churn: messages/s the stable pairs send in all");
        d("churn-users", "2000", "churn: users that log in and out");
        d("churners", "16", "churn: threads logging churning users in and out");
        d("churn-watch", "4", "churn: churning users each stable user watches (awareness)");
        d("max-per-worker", "9000", "most connections one load-generator process holds (the fd limit is 20,000)");
        d("sources", "8", "loopback source addresses 127.0.0.2... the connections use in turn");
        d("io-threads", "0", "hub io.threads (0 = the hub's default, cores + 1); also the relay's");
        d("auth-threads", "0", "hub auth.threads (0 = the hub's default)");
        d("hash-iterations", "1", "PBKDF2 iterations of the generated users' password hashes");
        d("hub-opts", "", "JAVA_OPTS of the hub process");
        d("worker-opts", "-Xmx1g -Xss256k -XX:+UseParallelGC", "JVM options of the load-generator processes");
        d("worker-java", "auto", "java of the load-generator processes: a path, or auto = a Java 21+ JDK under /usr/lib/jvm if there is one (virtual reader threads), else the benchmark's own java");
        d("profile", "none", "profile the hub: async = async-profiler attached during each measured phase (CPU incl. kernel frames; hub-cpu-<phase>.collapsed and a printed summary), jfr = a JFR recording of the whole run (hub.jfr)");
        d("quiet", "0", "before each scenario, wait (at most 10 minutes) until the 1-minute load average is below this; 0 = do not wait");
        d("dist", "", "the distribution to run (default: runtime/target/openst-hub next to bench/)");
        d("dir", "", "run folder (default: a new folder under /tmp); hub copy, logs, profiles");
        d("keep", "false", "keep the run folder");
        d("timeout", "60", "seconds any single login, channel open or wait may take");
    }

    private static void d(String name, String dflt, String help) {
        KNOWN.put(name, new String[] {dflt, help});
    }

    private final Map<String, String> values = new LinkedHashMap<>();

    Options(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("expected an option, got '" + a + "'");
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = "true";
            }
            if (!KNOWN.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            values.put(name, value);
        }
    }

    /** Sets an option unless the command line did. */
    Options dflt(String name, Object value) {
        values.putIfAbsent(name, String.valueOf(value));
        return this;
    }

    String str(String name) {
        return values.getOrDefault(name, KNOWN.get(name)[0]);
    }

    int integer(String name) {
        return Integer.parseInt(str(name));
    }

    double dbl(String name) {
        return Double.parseDouble(str(name));
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(str(name));
    }

    static String help() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String[]> e : KNOWN.entrySet()) {
            b.append(String.format("  --%-16s %s (default: %s)%n", e.getKey(), e.getValue()[1],
                    e.getValue()[0].isEmpty() ? "none" : e.getValue()[0]));
        }
        return b.toString();
    }
}
