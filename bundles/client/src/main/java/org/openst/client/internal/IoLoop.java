package org.openst.client.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A few selector threads that serve many {@link LoopConnection}s, for clients that hold thousands
 * of connections (load generators): no thread per connection, and one {@code epoll_wait} returns
 * many ready connections at once. Behind {@link org.openst.client.ClientIoLoop}.
 */
public final class IoLoop implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(IoLoop.class.getName());

    private final Worker[] workers;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param name    prefix of the threads' names
     * @param threads selector threads, at least 1
     */
    public IoLoop(String name, int threads) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        workers = new Worker[threads];
        try {
            for (int i = 0; i < threads; i++) {
                workers[i] = new Worker(name + "-" + i);
            }
        } catch (IOException e) {
            close();
            throw e;
        }
        for (Worker w : workers) {
            w.thread.start();
        }
    }

    /** @return the worker for a new connection, in turn */
    Worker next() {
        return workers[Math.floorMod(next.getAndIncrement(), workers.length)];
    }

    /** Stops the threads; connections still open end with CONNECTION_CLOSED. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return; // a closed selector must not be woken again
        }
        for (Worker w : workers) {
            if (w != null) {
                w.stop();
            }
        }
    }

    /** One selector and its thread. */
    static final class Worker implements Runnable {
        private static final int READ_BUFFER = 64 * 1024;

        final Selector selector;
        final Thread thread;
        private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
        /** Set when a wake-up is on its way, so that a burst of tasks costs one. */
        private final AtomicBoolean wakeupPending = new AtomicBoolean();
        private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER);
        private volatile boolean stopping;

        Worker(String name) throws IOException {
            selector = Selector.open();
            thread = new Thread(this, name);
            thread.setDaemon(true); // like the stream connections' readers
        }

        boolean inLoop() {
            return Thread.currentThread() == thread;
        }

        /** Runs {@code task} on this worker's thread, soon. */
        void execute(Runnable task) {
            tasks.add(task);
            if (!inLoop() && wakeupPending.compareAndSet(false, true)) {
                selector.wakeup();
            }
        }

        void stop() {
            stopping = true;
            selector.wakeup();
        }

        @Override
        public void run() {
            try {
                while (!stopping) {
                    wakeupPending.set(false);
                    if (tasks.isEmpty()) {
                        selector.select();
                    } else {
                        selector.selectNow();
                    }
                    runTasks();
                    for (SelectionKey key : selector.selectedKeys()) {
                        serve(key);
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException | UncheckedIOException e) {
                LOG.log(System.Logger.Level.ERROR, "client I/O loop " + thread.getName() + " failed", e);
            } finally {
                shutDown();
            }
        }

        private void serve(SelectionKey key) {
            LoopConnection c = (LoopConnection) key.attachment();
            if (key.isValid() && key.isReadable()) {
                c.readable(readBuffer);
            }
            if (key.isValid() && key.isWritable()) {
                c.writable();
            }
        }

        private void runTasks() {
            Runnable r;
            while ((r = tasks.poll()) != null) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "client I/O task failed", e);
                }
            }
        }

        private void shutDown() {
            stopping = true;
            runTasks();
            for (SelectionKey key : selector.keys()) {
                ((LoopConnection) key.attachment()).closedByLoop();
            }
            runTasks();
            try {
                selector.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "selector close failed", e);
            }
        }

        boolean isStopping() {
            return stopping;
        }
    }
}
