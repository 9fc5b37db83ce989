package org.openst.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.openst.bench.Kv;
import org.openst.client.BuddyListChannel;
import org.openst.client.ImConversation;
import org.openst.protocol.ChannelDestroy;

/**
 * The churn scenario's part in one worker. Stable users chat in pairs (an {@link ImLoad} at a
 * fixed rate) and watch some of the churning users on their awareness channels, while churner
 * threads log churning users in and out without pause. Each churning login opens an IM
 * conversation to a random stable user, sends one message, waits until that user has it, and
 * leaves in one of three ways in turn: logout; closing the conversation, then logout; dropping
 * the connection without a word.
 *
 * <p>Errors: any failed login, refused channel, send failure, an unexpected end of a stable
 * session, conversation (other than one with a churning user) or awareness channel, and any
 * message not delivered within the wait. Lost messages: stable flows' sent minus received, plus
 * churn messages never delivered.
 */
final class Churn {
    private static final String CHURN_PREFIX = "churn,";

    private final Target target;
    private final Errors errors;
    private final ImLoad load;
    private final boolean imCiphers;
    private BenchClient[] stable = new BenchClient[0];
    private final Map<Long, CountDownLatch> pending = new ConcurrentHashMap<>();
    private final AtomicLong churnSeq = new AtomicLong();
    private final AtomicLong churnLogins = new AtomicLong();
    private final AtomicLong churnDelivered = new AtomicLong();
    private final AtomicLong churnLost = new AtomicLong();
    private int churnFirst;
    private int churnCount;
    private volatile boolean stop;

    Churn(Target target, Errors errors, int textSize, boolean imCiphers) {
        this.target = target;
        this.errors = errors;
        this.load = new ImLoad(errors, textSize);
        this.imCiphers = imCiphers;
    }

    Kv setup(int first, int pairs, int churnFirst, int churnCount, int watch, int threads, long timeoutMillis)
            throws Exception {
        this.churnFirst = churnFirst;
        this.churnCount = churnCount;
        Logins logins = Logins.run(target, first, 2 * pairs, threads, imCiphers, errors);
        stable = logins.clients;
        int failedPairs = Pairs.openConversations(stable, load, 2, threads, timeoutMillis);
        for (BenchClient c : stable) {
            if (c == null) {
                continue;
            }
            c.listener.texts = this::onText;
            // Conversations opened by churning users end when they leave: no error.
            c.listener.closeExpected = conv -> isChurnUser(conv.peerUserId());
        }
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < Math.max(1, Math.min(threads, stable.length)); t++) {
            Thread w = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < stable.length) {
                    BenchClient c = stable[i];
                    if (c == null) {
                        continue;
                    }
                    try {
                        BuddyListChannel awareness = BuddyListChannel.open(c.client);
                        int channelId = awareness.channel().channelId();
                        c.listener.raw = m -> {
                            if (m instanceof ChannelDestroy d && d.channel() == channelId) {
                                errors.add(c.user + ": awareness channel destroyed by the hub, reason 0x"
                                        + Integer.toHexString(d.reason()));
                            }
                        };
                        String[] watched = new String[Math.min(watch, churnCount)];
                        for (int j = 0; j < watched.length; j++) {
                            watched[j] = Users.id(churnFirst + (c.index * 7 + j) % churnCount);
                        }
                        if (watched.length > 0) {
                            awareness.add(watched);
                        }
                    } catch (Exception e) {
                        errors.add(c.user + ": awareness channel not opened", e);
                    }
                }
            }, "churn-setup-" + t);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        return logins.report(new Kv("ok")).put("failedPairs", failedPairs).put("flows", load.flowCount());
    }

    private boolean isChurnUser(String userId) {
        if (userId == null || userId.length() < 2 || userId.charAt(0) != 'u') {
            return false;
        }
        try {
            int index = Integer.parseInt(userId.substring(1));
            return index >= churnFirst && index < churnFirst + churnCount;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void onText(String text) {
        if (!text.startsWith(CHURN_PREFIX)) {
            load.sink().text(text);
            return;
        }
        long id = Long.parseLong(text, CHURN_PREFIX.length(), text.indexOf(',', CHURN_PREFIX.length()), 10);
        CountDownLatch latch = pending.get(id);
        if (latch == null) {
            errors.add("churn message " + id + " delivered twice or unexpectedly");
            return;
        }
        churnDelivered.incrementAndGet();
        latch.countDown();
    }

    Kv run(double rate, int churners, long durationMillis, int senderThreads) throws InterruptedException {
        stop = false;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < churners; t++) {
            int self = t;
            Thread th = new Thread(() -> churnLoop(self, churners), "churner-" + t);
            th.setDaemon(true);
            threads.add(th);
            th.start();
        }
        Kv result = load.phase(rate, Integer.MAX_VALUE, 1, senderThreads, 0, durationMillis, 10_000);
        stop = true;
        for (Thread th : threads) {
            th.join(30_000);
        }
        return load.totals(result).put("churnLogins", churnLogins.get()).put("churnMessages", churnSeq.get())
                .put("churnDelivered", churnDelivered.get()).put("churnLost", churnLost.get());
    }

    private void churnLoop(int self, int churners) {
        int mine = 0;
        long iteration = 0;
        while (!stop) {
            int slot = self + churners * mine;
            if (slot >= churnCount) {
                mine = 0;
                slot = self;
                if (slot >= churnCount) {
                    return;
                }
            }
            mine++;
            int index = churnFirst + slot;
            BenchClient c;
            try {
                c = BenchClient.login(target, index, imCiphers, errors);
            } catch (Exception e) {
                errors.add("churn login of " + Users.id(index) + " failed", e);
                continue;
            }
            churnLogins.incrementAndGet();
            BenchClient to = stable[ThreadLocalRandom.current().nextInt(stable.length)];
            try {
                ImConversation conv = c.client.openIm(to.user);
                long id = churnSeq.incrementAndGet();
                CountDownLatch latch = new CountDownLatch(1);
                pending.put(id, latch);
                conv.sendText(CHURN_PREFIX + id + ",from " + c.user);
                if (!latch.await(10, TimeUnit.SECONDS)) {
                    churnLost.incrementAndGet();
                    errors.add("churn message " + id + " from " + c.user + " to " + to.user + " not delivered in 10 s");
                }
                pending.remove(id);
                switch ((int) (iteration++ % 3)) {
                    case 0 -> c.logout();
                    case 1 -> {
                        conv.close();
                        c.logout();
                    }
                    default -> c.drop();
                }
            } catch (Exception e) {
                errors.add("churn user " + c.user + " to " + to.user + " failed", e);
                c.drop();
            }
        }
    }

    void logoutAll() {
        for (BenchClient c : stable) {
            if (c != null) {
                c.logout();
            }
        }
    }
}
