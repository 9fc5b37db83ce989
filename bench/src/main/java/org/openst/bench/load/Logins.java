package org.openst.bench.load;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openst.bench.Clock;
import org.openst.bench.Kv;

/**
 * Logs in a range of users, at most {@code inFlight} at a time: a few threads connect, and each
 * login then proceeds on the connection's reader (the client's asynchronous login), so a login
 * costs no thread of its own.
 */
final class Logins {
    /** Threads that connect; connecting over loopback is quick, the logins' steps run elsewhere. */
    private static final int CONNECTING_THREADS = 2;

    final BenchClient[] clients;
    long startMicros;
    long endMicros;
    final AtomicInteger failed = new AtomicInteger();

    private Logins(int count) {
        clients = new BenchClient[count];
    }

    static Logins run(Target target, int first, int count, int inFlight, boolean imCiphers, Errors errors)
            throws InterruptedException {
        Logins result = new Logins(count);
        Semaphore window = new Semaphore(Math.max(1, inFlight));
        AtomicInteger next = new AtomicInteger();
        Thread[] connectors = new Thread[Math.max(1, Math.min(CONNECTING_THREADS, count))];
        result.startMicros = Clock.epochMicros();
        for (int t = 0; t < connectors.length; t++) {
            connectors[t] = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    window.acquireUninterruptibly();
                    int slot = i;
                    int index = first + i;
                    BenchClient.loginAsync(target, index, imCiphers, errors).whenComplete((c, e) -> {
                        if (e != null) {
                            result.failed.incrementAndGet();
                            errors.add("login of " + Users.id(index) + " failed", e);
                        } else {
                            result.clients[slot] = c;
                        }
                        window.release();
                    });
                }
            }, "login-" + t);
            connectors[t].start();
        }
        for (Thread c : connectors) {
            c.join();
        }
        int permits = Math.max(1, inFlight);
        // Every login ends (the client's time-out bounds each); then all permits are back.
        if (!window.tryAcquire(permits, target.timeout.toMillis() * 2, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("logins still running after twice the time-out");
        }
        result.endMicros = Clock.epochMicros();
        return result;
    }

    Kv report(Kv into) {
        return into.put("loggedIn", clients.length - failed.get()).put("failed", failed.get())
                .put("startUs", startMicros).put("endUs", endMicros);
    }
}
