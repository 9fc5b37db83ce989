package org.openst.storage.jdbc;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.openst.storage.api.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each storage operation as one database transaction: commit on success, roll back on
 * failure, so a failed operation changes nothing. Turns every {@link SQLException} into a {@link
 * StorageException} naming the operation and the database, logged once at WARN.
 *
 * <p>Worker threads: the database work runs on this object's own threads, never on the
 * caller's. Callers run storage calls on their executors, and stopping one with shutdownNow()
 * interrupts them; an interrupt during I/O closes embedded H2's FileChannel, and H2 then closes
 * the database under every connection (its manual: embedded-mode threads "may not" be
 * interrupted). So a caller waits for its result without reacting to interrupts, and gets its
 * interrupt flag back afterwards: an operation is either acknowledged or failed, never abandoned
 * half-way. The number of workers bounds the connections open at once.
 *
 * <p>Retries: a transaction that lost a race is run again from the start, up to {@link
 * #MAX_ATTEMPTS} times. This is what makes the portable upsert work: "UPDATE, and INSERT when
 * nothing was updated" fails with a unique violation when another transaction inserted the same
 * key in between, and the retry's UPDATE then finds that row. A whole-transaction retry (rather
 * than a savepoint) is needed because PostgreSQL aborts the transaction at the first error.
 */
final class Transactions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    /** Enough for any realistic race on one key; a loop beyond that means something else is wrong. */
    static final int MAX_ATTEMPTS = 5;

    /** How long {@link #close} lets operations already submitted finish. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    /** SQLSTATE of a unique or primary key violation (SQL standard; H2 and PostgreSQL use it). */
    private static final String UNIQUE_VIOLATION = "23505";

    /** H2's "concurrent update" error: two MVCC transactions changed the same row. */
    private static final int H2_CONCURRENT_UPDATE = 90131;

    /** The work of one attempt; it may run several times, so it must not have other side effects. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final ConnectionPool pool;
    private final ExecutorService workers;
    private final Supplier<String> database;

    /**
     * @param dataSource where connections come from
     * @param workerCount the most operations (and connections) at once, at least 1
     * @param database names the database in error messages (e.g. "H2 jdbc:h2:file:/x/storage")
     * @param threadNamePrefix names the worker threads, followed by a number
     */
    Transactions(DataSource dataSource, int workerCount, Supplier<String> database, String threadNamePrefix) {
        if (workerCount < 1) {
            throw new IllegalArgumentException("pool size must be at least 1, was " + workerCount);
        }
        this.pool = new ConnectionPool(dataSource);
        this.workers = Executors.newFixedThreadPool(workerCount, workerThreads(threadNamePrefix));
        this.database = database;
    }

    /**
     * @param operation what is being done, with its user and key, e.g. "save storage unit 7 of
     *        user 'alice'"; used in error messages
     * @throws StorageException when the database failed; nothing was changed
     */
    <T> T run(String operation, Work<T> work) {
        Future<T> result;
        try {
            result = workers.submit(() -> runOnWorker(operation, work));
        } catch (RejectedExecutionException e) {
            throw failure(operation, new SQLException("the storage is closed", e));
        }
        return awaitUninterruptibly(result);
    }

    /** Lets submitted operations finish (for a while), then closes the connections. */
    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Operations on {} still running after {} s; closing the connections anyway",
                        database.get(), CLOSE_TIMEOUT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.close();
        }
    }

    /** A conflict with a concurrent transaction, which running again resolves. */
    static boolean isLostRace(SQLException failure) {
        SQLException e = reason(failure);
        String state = e.getSQLState();
        return UNIQUE_VIOLATION.equals(state)
                // Class 40 "transaction rollback": serialization failure 40001, deadlock 40P01.
                || (state != null && state.startsWith("40"))
                || e.getErrorCode() == H2_CONCURRENT_UPDATE && "90131".equals(state);
    }

    private <T> T runOnWorker(String operation, Work<T> work) {
        Connection connection;
        try {
            connection = pool.borrow();
        } catch (SQLException e) {
            throw failure(operation, e);
        }
        boolean reusable = false;
        try {
            T result = runWithRetries(operation, connection, work);
            reusable = true;
            return result;
        } finally {
            pool.giveBack(connection, reusable);
        }
    }

    private <T> T runWithRetries(String operation, Connection connection, Work<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException e) {
                rollback(connection, e);
                if (attempt >= MAX_ATTEMPTS || !isLostRace(e)) {
                    throw failure(operation, e);
                }
                LOG.debug("{} lost a race on {} (attempt {}, SQLSTATE {}); retrying", operation,
                        database.get(), attempt, e.getSQLState());
            } catch (RuntimeException | Error e) {
                rollback(connection, e);
                throw e;
            }
        }
    }

    private static <T> T awaitUninterruptibly(Future<T> result) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true; // kept for the caller, see the class comment
                } catch (ExecutionException e) {
                    throw rethrow(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The worker's exception as it was thrown there (StorageException, or a bug's RuntimeException). */
    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException) {
            return (RuntimeException) cause;
        }
        if (cause instanceof Error) {
            throw (Error) cause;
        }
        return new StorageException("storage operation failed", cause);
    }

    private StorageException failure(String operation, SQLException failure) {
        SQLException e = reason(failure);
        String message = operation + " failed on " + database.get() + ": " + e.getMessage()
                + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")");
        // Logged once, here; the stack trace travels with the exception to whoever wants it.
        LOG.warn(message);
        // The reason as the cause too: a caller logging the stack trace would print the batch's message.
        return new StorageException(message, e);
    }

    /**
     * The error to report. pgjdbc's BatchUpdateException quotes the failed statement with all its
     * values (a chat message's text, for one) in its message; the exception chained behind it
     * says why without them. H2 chains the same one. Used for the message, the cause and the
     * retry decision.
     */
    static SQLException reason(SQLException e) {
        if (e instanceof BatchUpdateException && e.getNextException() != null) {
            return e.getNextException();
        }
        return e;
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** Daemon threads, so a storage that was never closed does not keep the JVM alive. */
    private static ThreadFactory workerThreads(String namePrefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, namePrefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
