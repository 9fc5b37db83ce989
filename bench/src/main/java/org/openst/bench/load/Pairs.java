package org.openst.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.openst.client.ImConversation;

/**
 * Sets up the IM pairs of a worker: users {@code 2k} and {@code 2k+1} of a login batch form pair
 * {@code k}; the first opens an IM conversation to the second (as Pidgin does, §6.1.1) and each
 * direction becomes a {@link Flow}. Against the bare relay the pair is two {@link RawPeer}s.
 */
final class Pairs {
    private Pairs() {
    }

    /** Opens the conversations of all pairs with {@code threads} threads; returns the number of pairs that failed. */
    static int openConversations(BenchClient[] clients, ImLoad load, int directions, int threads, long timeoutMillis)
            throws InterruptedException {
        int pairs = clients.length / 2;
        ImEndpoint[][] ends = new ImEndpoint[pairs][];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        for (BenchClient c : clients) {
            if (c != null) {
                c.listener.texts = load.sink();
            }
        }
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < Math.max(1, Math.min(threads, pairs)); t++) {
            Thread w = new Thread(() -> {
                int k;
                while ((k = next.getAndIncrement()) < pairs) {
                    BenchClient a = clients[2 * k];
                    BenchClient b = clients[2 * k + 1];
                    if (a == null || b == null) {
                        failed.incrementAndGet();
                        continue;
                    }
                    CompletableFuture<ImConversation> incoming = new CompletableFuture<>();
                    b.listener.opened = incoming::complete;
                    try {
                        ImConversation ab = a.client.openIm(b.user);
                        ImConversation ba = incoming.get(timeoutMillis, TimeUnit.MILLISECONDS);
                        b.listener.opened = null;
                        ends[k] = new ImEndpoint[] {ImEndpoint.of(ab), ImEndpoint.of(ba)};
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        load.errors.add("IM from " + a.user + " to " + b.user + " not opened", e);
                    }
                }
            }, "pairs-" + t);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        addFlows(ends, load, directions);
        return failed.get();
    }

    /** Connects {@code pairs} pairs of raw peers to the relay; returns the number that failed. */
    static int connectRelayPeers(Target target, String keyPrefix, int pairs, ImLoad load, int directions, int threads,
            long timeoutMillis, List<RawPeer> all) throws InterruptedException {
        ImEndpoint[][] ends = new ImEndpoint[pairs][];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < Math.max(1, Math.min(threads, pairs)); t++) {
            Thread w = new Thread(() -> {
                int k;
                while ((k = next.getAndIncrement()) < pairs) {
                    try {
                        RawPeer a = RawPeer.connect(target, keyPrefix + k, load.sink(), load.errors);
                        RawPeer b = RawPeer.connect(target, keyPrefix + k, load.sink(), load.errors);
                        synchronized (all) {
                            all.add(a);
                            all.add(b);
                        }
                        a.awaitPaired(timeoutMillis);
                        b.awaitPaired(timeoutMillis);
                        ends[k] = new ImEndpoint[] {a, b};
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        load.errors.add("relay pair " + k + " not connected", e);
                    }
                }
            }, "relay-pairs-" + t);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        addFlows(ends, load, directions);
        return failed.get();
    }

    /** Flows in pair order, so that flow IDs are the same whatever the threads did. */
    private static void addFlows(ImEndpoint[][] ends, ImLoad load, int directions) {
        for (ImEndpoint[] e : ends) {
            if (e != null) {
                load.addFlow(e[0]);
                if (directions > 1) {
                    load.addFlow(e[1]);
                }
            }
        }
    }
}
