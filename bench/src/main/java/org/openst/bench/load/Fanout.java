package org.openst.bench.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openst.bench.Clock;
import org.openst.bench.Kv;
import org.openst.client.BuddyListChannel;
import org.openst.protocol.AwareSnapshot;
import org.openst.protocol.ChannelSend;
import org.openst.protocol.Message;
import org.openst.protocol.UserStatus;
import org.openst.protocol.UserStatusCode;
import org.openst.protocol.WireReader;

/**
 * The fan-out scenario's part in one worker: watchers that subscribe to the subject on their
 * awareness channel (service 0x11) and note the wall-clock time at which each round's
 * AWARE_UPDATE arrives; and, in one worker, the subject whose status changes once per round.
 * A round's status text is {@code fanout-<round>}, so a watcher counts only the update it waits for.
 */
final class Fanout {
    static final int MAX_ROUNDS = 64;

    private final String subject;
    private final Errors errors;
    private BenchClient subjectClient;
    private BenchClient[] watchers = new BenchClient[0];
    /** Receipt time (epoch µs) per round and watcher; 0 = not yet. */
    private final long[][] seen = new long[MAX_ROUNDS][];
    private final AtomicInteger[] counts = new AtomicInteger[MAX_ROUNDS];

    Fanout(String subject, Errors errors) {
        this.subject = subject;
        this.errors = errors;
        for (int r = 0; r < MAX_ROUNDS; r++) {
            counts[r] = new AtomicInteger();
        }
    }

    Kv setup(Target target, int subjectIndex, int first, int count, int threads, long timeoutMillis)
            throws Exception {
        if (subjectIndex >= 0) {
            subjectClient = BenchClient.login(target, subjectIndex, true, errors);
        }
        Logins logins = Logins.run(target, first, count, threads, true, errors);
        watchers = logins.clients;
        for (int r = 0; r < MAX_ROUNDS; r++) {
            seen[r] = new long[count];
        }
        long subscribeStart = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < Math.max(1, Math.min(threads, count)); t++) {
            Thread w = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    BenchClient c = watchers[i];
                    if (c == null) {
                        failed.incrementAndGet();
                        continue;
                    }
                    int slot = i;
                    c.listener.raw = m -> onMessage(slot, m);
                    try {
                        BuddyListChannel awareness = BuddyListChannel.open(c.client);
                        awareness.add(subject);
                        awareness.await(subject, AwareSnapshot::online, java.time.Duration.ofMillis(timeoutMillis));
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        errors.add(c.user + ": awareness of " + subject + " not set up", e);
                    }
                }
            }, "subscribe-" + t);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        return logins.report(new Kv("ok")).put("subscribeFailed", failed.get())
                .put("subscribeMs", (System.nanoTime() - subscribeStart) / 1_000_000);
    }

    private void onMessage(int slot, Message m) {
        if (!(m instanceof ChannelSend s) || s.msgType() != BuddyListChannel.AWARE_UPDATE) {
            return;
        }
        long now = Clock.epochMicros();
        AwareSnapshot snap;
        try {
            snap = AwareSnapshot.read(new WireReader(s.data()));
        } catch (RuntimeException e) {
            errors.add("malformed AWARE_UPDATE", e);
            return;
        }
        String desc = snap.status().desc();
        if (!snap.id().user().equalsIgnoreCase(subject) || !desc.startsWith("fanout-")) {
            return;
        }
        int round = Integer.parseInt(desc.substring("fanout-".length()));
        if (round >= 0 && round < MAX_ROUNDS && seen[round][slot] == 0) {
            seen[round][slot] = now;
            counts[round].incrementAndGet();
        }
    }

    /** The subject changes status (AWAY and ACTIVE in turn); returns the wall-clock time just before. */
    Kv round(int round) throws Exception {
        int code = round % 2 == 0 ? UserStatusCode.AWAY : UserStatusCode.ACTIVE;
        long t0 = Clock.epochMicros();
        subjectClient.client.setStatus(new UserStatus(code, 0, "fanout-" + round));
        return new Kv("ok").put("t0Us", t0);
    }

    /** Waits until every watcher has this round's update (or the timeout) and reports the times. */
    Kv collect(int round, long t0Micros, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        int expected = (int) Arrays.stream(watchers).filter(w -> w != null).count();
        while (counts[round].get() < expected && System.nanoTime() - deadline < 0) {
            Thread.sleep(2);
        }
        long[] delays = Arrays.stream(seen[round]).filter(t -> t != 0).map(t -> t - t0Micros).sorted().toArray();
        Kv kv = new Kv("ok").put("expected", expected).put("got", delays.length);
        if (delays.length > 0) {
            kv.put("firstUs", delays[0]).put("p50Us", delays[delays.length / 2])
                    .put("p99Us", delays[(int) Math.min(delays.length - 1, Math.ceil(delays.length * 0.99) - 1)])
                    .put("lastUs", delays[delays.length - 1]);
        }
        return kv;
    }

    void logoutAll() {
        for (BenchClient c : watchers) {
            if (c != null) {
                c.logout();
            }
        }
        if (subjectClient != null) {
            subjectClient.logout();
        }
    }
}
