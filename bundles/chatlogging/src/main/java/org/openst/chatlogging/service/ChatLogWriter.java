package org.openst.chatlogging.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.openst.storage.api.ChatEntry;
import org.openst.storage.api.ChatLogStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that moves queued entries into the current store, in batches and in order.
 *
 * <p>"Swappable at runtime without losing a logged message": an entry leaves the queue only after
 * {@link ChatLogStore#append} returned (durable on return, storage SPI). While no store is bound
 * the entries wait; when the store fails ({@code StorageException}, or any other failure but a
 * refused entry) the same batch is retried with exponential back-off, or at once when the store
 * changes. Since the SPI promises a failed append changed nothing, every entry ends in exactly one
 * store, and since one thread writes the head of one FIFO, in the order it was recorded.
 *
 * <p>An entry the store refuses as invalid ({@link IllegalArgumentException}, e.g. a time outside
 * the database's range) would block the queue forever: the batch is then written one entry at a
 * time and the refused entry alone is dropped, with an ERROR line.
 */
final class ChatLogWriter {
    private static final Logger LOG = LoggerFactory.getLogger(ChatLogWriter.class);
    /** How long to sleep with nothing to do before looking again (only a safety net: offers wake us). */
    private static final Duration IDLE = Duration.ofMinutes(1);
    /** At most one "still failing" / "still no store" line per this period. */
    private static final long REPEAT_LOG_NANOS = Duration.ofMinutes(1).toNanos();

    private final EntryQueue queue;
    private final CurrentStore store;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Thread thread;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile int batchSize;
    private volatile boolean closing;
    private volatile long closeDeadline;

    // writer thread only
    private boolean failing;
    private long lastTroubleLog;

    ChatLogWriter(EntryQueue queue, CurrentStore store, int batchSize, Duration firstRetry, Duration maxRetry) {
        this.queue = queue;
        this.store = store;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        setBatchSize(batchSize);
        thread = new Thread(this::run, "openst-chatlog-writer");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void setBatchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be at least 1: " + size);
        }
        batchSize = size;
    }

    /** Entries written to a store so far. */
    long written() {
        return written.get();
    }

    /** Entries a store refused as invalid and that were therefore dropped. */
    long refused() {
        return refused.get();
    }

    /**
     * Writes what can be written within {@code flushTime}, then stops the thread.
     *
     * @return how many entries were not written (they are lost)
     */
    int close(Duration flushTime) {
        closeDeadline = System.nanoTime() + flushTime.toNanos();
        closing = true;
        queue.release();
        store.nudge();
        try {
            thread.join(Math.max(1, flushTime.toMillis()));
            if (thread.isAlive()) {
                thread.interrupt(); // stuck in a store call: give up on it
                thread.join(1000);
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
        int left = queue.size();
        if (left > 0) {
            ChatLogStore s = store.get();
            if (s == null) {
                LOG.warn("chat logging stopped: {} queued entr{} lost: no chat log store is bound", left,
                        left == 1 ? "y" : "ies");
            } else {
                LOG.warn("chat logging stopped: {} queued entr{} lost: store {} failed to take them within {} ms",
                        left, left == 1 ? "y" : "ies", describe(s), flushTime.toMillis());
            }
        } else {
            LOG.info("chat logging stopped: every recorded entry was written ({} in all)", written.get());
        }
        return left;
    }

    private void run() {
        Duration retry = firstRetry;
        try {
            while (true) {
                if (closing && (queue.size() == 0 || System.nanoTime() - closeDeadline > 0)) {
                    return;
                }
                if (!queue.awaitEntries(IDLE)) {
                    continue;
                }
                long stamp = store.stamp();
                ChatLogStore s = store.get();
                if (s == null) {
                    if (closing) {
                        return; // nothing can be flushed; close() reports what is left
                    }
                    troubleOnce("no chat log store is bound: {} entries are queued until one is", queue.size());
                    store.awaitChange(stamp, IDLE);
                    continue;
                }
                if (write(s, queue.peek(batchSize))) {
                    retry = firstRetry;
                    continue;
                }
                Duration wait = retry;
                if (closing) {
                    long left = closeDeadline - System.nanoTime();
                    wait = left <= 0 ? Duration.ZERO : min(wait, Duration.ofNanos(left));
                }
                store.awaitChange(stamp, wait);
                retry = min(retry.multipliedBy(2), maxRetry);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() gave up waiting
        } catch (RuntimeException | Error e) {
            LOG.error("chat log writer died; {} entries stay unwritten", queue.size(), e);
        }
    }

    /** @return whether the whole batch left the queue (written, or refused as invalid) */
    private boolean write(ChatLogStore s, List<ChatEntry> batch) {
        try {
            s.append(batch);
        } catch (IllegalArgumentException invalid) {
            return writeOneByOne(s, batch);
        } catch (RuntimeException e) {
            failed(s, e);
            return false;
        }
        wrote(s, batch.size());
        return true;
    }

    private boolean writeOneByOne(ChatLogStore s, List<ChatEntry> batch) {
        for (ChatEntry entry : batch) {
            try {
                s.append(List.of(entry));
                wrote(s, 1);
            } catch (IllegalArgumentException invalid) {
                queue.removeFirst(1);
                refused.incrementAndGet();
                // The text may be private: name where and when, not what.
                LOG.error("chat log store {} refused the entry of conversation '{}' at {} ({}); it is dropped",
                        describe(s), entry.conversationId(), entry.at(), invalid.getMessage());
            } catch (RuntimeException e) {
                failed(s, e);
                return false;
            }
        }
        return true;
    }

    private void wrote(ChatLogStore s, int n) {
        queue.removeFirst(n);
        written.addAndGet(n);
        if (failing) {
            failing = false;
            LOG.info("chat log store {} is writing again; {} entries still queued", describe(s), queue.size());
        }
    }

    private void failed(ChatLogStore s, RuntimeException e) {
        if (!failing) {
            failing = true;
            lastTroubleLog = System.nanoTime();
            LOG.warn("chat log store {} failed ({}); {} entries are kept queued and retried", describe(s), e.toString(),
                    queue.size());
        } else {
            troubleOnce("chat log store " + describe(s) + " still failing ({}); {} entries queued", e.toString(),
                    queue.size());
        }
    }

    private void troubleOnce(String format, Object... args) {
        long now = System.nanoTime();
        if (lastTroubleLog == 0 || now - lastTroubleLog >= REPEAT_LOG_NANOS) {
            lastTroubleLog = now;
            LOG.warn(format, args);
        }
    }

    static String describe(ChatLogStore s) {
        try {
            return s.describe();
        } catch (RuntimeException e) {
            return s.getClass().getName();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
