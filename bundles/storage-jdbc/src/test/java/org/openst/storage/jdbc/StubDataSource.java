package org.openst.storage.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

/** A DataSource for tests: counts the connections it hands out, or fails when told to. */
class StubDataSource implements DataSource {

    /** What getConnection does. */
    @FunctionalInterface
    interface ConnectionSource {
        Connection get() throws SQLException;
    }

    private final ConnectionSource source;
    final AtomicInteger connectionsOpened = new AtomicInteger();

    StubDataSource(ConnectionSource source) {
        this.source = source;
    }

    /** Counts the connections of another data source. */
    static StubDataSource counting(DataSource real) {
        return new StubDataSource(real::getConnection);
    }

    /** Fails like a database server that is down. */
    static StubDataSource refusing() {
        return new StubDataSource(() -> {
            throw new SQLException("Connection refused (test)", "08001");
        });
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = source.get();
        connectionsOpened.incrementAndGet();
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
