package org.openst.bench.load;

import java.util.concurrent.atomic.AtomicInteger;

import org.openst.bench.Clock;
import org.openst.bench.Kv;

/** Logs in a range of users with a number of threads, each doing connect + login in turn. */
final class Logins {
    final BenchClient[] clients;
    long startMicros;
    long endMicros;
    final AtomicInteger failed = new AtomicInteger();

    private Logins(int count) {
        clients = new BenchClient[count];
    }

    static Logins run(Target target, int first, int count, int threads, boolean imCiphers, Errors errors)
            throws InterruptedException {
        Logins result = new Logins(count);
        AtomicInteger next = new AtomicInteger();
        Thread[] workers = new Thread[Math.max(1, Math.min(threads, count))];
        result.startMicros = Clock.epochMicros();
        for (int t = 0; t < workers.length; t++) {
            workers[t] = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    try {
                        result.clients[i] = BenchClient.login(target, first + i, imCiphers, errors);
                    } catch (Exception e) {
                        result.failed.incrementAndGet();
                        errors.add("login of " + Users.id(first + i) + " failed", e);
                    }
                }
            }, "login-" + t);
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        result.endMicros = Clock.epochMicros();
        return result;
    }

    Kv report(Kv into) {
        return into.put("loggedIn", clients.length - failed.get()).put("failed", failed.get())
                .put("startUs", startMicros).put("endUs", endMicros);
    }
}
