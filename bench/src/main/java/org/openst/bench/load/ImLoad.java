package org.openst.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.openst.bench.Kv;

/**
 * The IM traffic of one worker: its flows, the receivers' bookkeeping and the latency recorder,
 * and one timed phase (closed loop or fixed rate). Used by the {@code im} and {@code churn}
 * scenarios, against the hub and against the bare relay alike.
 */
final class ImLoad {
    /** Latencies above this are recorded as this (a minute: the run is broken anyway). */
    private static final long MAX_LATENCY = TimeUnit.SECONDS.toNanos(60);

    final Errors errors;
    private final int textSize;
    private final List<Flow> flows = new ArrayList<>();
    private final LongAdder delivered = new LongAdder();
    private final Recorder latency = new Recorder(MAX_LATENCY, 3);
    private volatile boolean recording;

    ImLoad(Errors errors, int textSize) {
        this.errors = errors;
        this.textSize = textSize;
    }

    Flow addFlow(ImEndpoint out) {
        Flow f = new Flow(flows.size(), out, this);
        flows.add(f);
        return f;
    }

    int flowCount() {
        return flows.size();
    }

    /** What a receiving connection hands its texts to. */
    TextSink sink() {
        return this::onText;
    }

    String text(int flow, long seq, long stampNanos) {
        StringBuilder b = new StringBuilder(Math.max(textSize, 40));
        b.append(flow).append(',').append(seq).append(',').append(stampNanos).append(',');
        while (b.length() < textSize) {
            b.append('x');
        }
        return b.toString();
    }

    private void onText(String text) {
        long now = System.nanoTime();
        int a = text.indexOf(',');
        int b = text.indexOf(',', a + 1);
        int c = text.indexOf(',', b + 1);
        if (a <= 0 || b < 0 || c < 0) {
            errors.add("unexpected text: " + text);
            return;
        }
        int flow = Integer.parseInt(text, 0, a, 10);
        long seq = Long.parseLong(text, a + 1, b, 10);
        long stamp = Long.parseLong(text, b + 1, c, 10);
        if (flow < 0 || flow >= flows.size()) {
            errors.add("text for unknown flow: " + text);
            return;
        }
        flows.get(flow).delivered(seq, stamp, now);
    }

    void received(long latencyNanos) {
        delivered.increment();
        if (recording) {
            latency.recordValue(Math.min(Math.max(latencyNanos, 0), MAX_LATENCY));
        }
    }

    /**
     * Runs one phase: senders for {@code warmup + measure}, counting deliveries and recording
     * latencies only during {@code measure}; then waits (at most {@code drainMillis}) until
     * every message sent has arrived.
     *
     * @param rate total messages per second of this worker, 0 for the closed loop
     */
    Kv phase(double rate, int window, int batch, int senderThreads, long warmupMillis, long measureMillis,
            long drainMillis)
            throws InterruptedException {
        int threads = Math.max(1, Math.min(senderThreads, flows.size()));
        List<List<Flow>> shares = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            shares.add(new ArrayList<>());
        }
        for (Flow f : flows) {
            shares.get(f.id % threads).add(f);
        }
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(warmupMillis + measureMillis);
        List<Sender> senders = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            senders.add(new Sender("sender-" + i, shares.get(i), window, batch, rate / threads, end));
        }
        long sentBefore = sent();
        senders.forEach(Thread::start);
        Thread.sleep(warmupMillis);
        latency.getIntervalHistogram(); // drop the warm-up's latencies
        long d0 = delivered.sum();
        long t0 = System.nanoTime();
        recording = true;
        Thread.sleep(measureMillis);
        recording = false;
        long t1 = System.nanoTime();
        long d1 = delivered.sum();
        Histogram h = latency.getIntervalHistogram();
        for (Sender s : senders) {
            s.halt();
        }
        for (Sender s : senders) {
            s.join(5_000);
        }
        long drainStart = System.nanoTime();
        long drainEnd = drainStart + TimeUnit.MILLISECONDS.toNanos(drainMillis);
        while (outstanding() > 0 && System.nanoTime() - drainEnd < 0) {
            Thread.sleep(5);
        }
        return new Kv("ok")
                .put("sent", sent() - sentBefore)
                .put("delivered", d1 - d0)
                .put("seconds", (t1 - t0) / 1e9)
                .put("outstanding", outstanding())
                .put("drainMs", (System.nanoTime() - drainStart) / 1_000_000)
                .put("hist", Histograms.encode(h));
    }

    long sent() {
        long n = 0;
        for (Flow f : flows) {
            n += f.sent();
        }
        return n;
    }

    long received() {
        long n = 0;
        for (Flow f : flows) {
            n += f.received();
        }
        return n;
    }

    long outstanding() {
        long n = 0;
        for (Flow f : flows) {
            n += f.outstanding.get();
        }
        return n;
    }

    /** Totals over the whole run: sent, received, lost (sent, never received), gaps, reordered. */
    Kv totals(Kv into) {
        long gaps = 0;
        long reordered = 0;
        long failed = 0;
        for (Flow f : flows) {
            gaps += f.gaps();
            reordered += f.reordered();
            failed += f.failed() ? 1 : 0;
        }
        long sent = sent();
        long received = received();
        return into.put("totalSent", sent).put("totalReceived", received).put("lost", sent - received)
                .put("gaps", gaps).put("reordered", reordered).put("failedFlows", failed);
    }
}
