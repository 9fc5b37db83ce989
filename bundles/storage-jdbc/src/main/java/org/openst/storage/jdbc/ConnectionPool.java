package org.openst.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.sql.DataSource;

/**
 * Keeps idle connections for reuse. It does not bound how many exist: {@link Transactions} uses
 * it from a fixed number of worker threads, so at most that many are ever open.
 *
 * <p>Why pool at all: an embedded H2 database is opened by its first connection and closed with
 * its last, so a connection per operation would re-open the database file every time; a server
 * database charges a network login per connection. Why not a pool library: this needs nothing
 * more than reuse, and a connection that saw an unexpected error is simply closed instead of
 * being tested and repaired.
 */
final class ConnectionPool implements AutoCloseable {

    /** An idle connection older than this is checked before use (the server may have dropped it). */
    static final Duration VALIDATE_AFTER_IDLE = Duration.ofSeconds(30);

    private static final int VALIDATION_TIMEOUT_SECONDS = 5;

    private record IdleConnection(Connection connection, long idleSinceNanos) {
    }

    private final DataSource dataSource;
    private final Deque<IdleConnection> idle = new ArrayDeque<>(); // guarded by this
    private boolean closed; // guarded by this

    ConnectionPool(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @return a connection in manual-commit mode; give it back with {@link #giveBack}
     * @throws SQLException when the pool is closed or the database refuses a new connection
     */
    Connection borrow() throws SQLException {
        Connection reused = takeValidIdle();
        return reused != null ? reused : open();
    }

    /**
     * @param connection from {@link #borrow}, its transaction ended
     * @param reusable false after an unexpected error: the connection is closed, not kept
     */
    void giveBack(Connection connection, boolean reusable) {
        synchronized (this) {
            if (reusable && !closed) {
                idle.push(new IdleConnection(connection, System.nanoTime()));
                return;
            }
        }
        closeQuietly(connection);
    }

    /** Closes the idle connections now and the borrowed ones when they come back. */
    @Override
    public void close() {
        List<IdleConnection> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(idle);
            idle.clear();
        }
        for (IdleConnection c : toClose) {
            closeQuietly(c.connection());
        }
    }

    private Connection takeValidIdle() throws SQLException {
        while (true) {
            IdleConnection candidate;
            synchronized (this) {
                if (closed) {
                    throw new SQLException("the storage is closed");
                }
                // Most recently used first: the others may age out on the server side, which is fine.
                candidate = idle.poll();
            }
            if (candidate == null) {
                return null;
            }
            long idleNanos = System.nanoTime() - candidate.idleSinceNanos();
            if (idleNanos < VALIDATE_AFTER_IDLE.toNanos() || isValid(candidate.connection())) {
                return candidate.connection();
            }
            closeQuietly(candidate.connection());
        }
    }

    private Connection open() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            // Every operation runs in an explicit transaction (Transactions commits or rolls back).
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static boolean isValid(Connection connection) {
        try {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            // Nothing to do: the connection is being dropped anyway.
        }
    }
}
