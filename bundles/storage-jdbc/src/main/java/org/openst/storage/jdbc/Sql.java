package org.openst.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Prepared-statement helpers, so each table class holds only its SQL and row mapping. */
final class Sql {

    /** Reads one column of the current row. */
    @FunctionalInterface
    interface ColumnReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private Sql() {
    }

    /** Runs an INSERT, UPDATE or DELETE. @return the number of rows changed */
    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /** @return the mapped first row, or empty when the query found none */
    static <T> Optional<T> queryFirst(Connection connection, String sql, ColumnReader<T> reader,
            Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(reader.read(rows)) : Optional.empty();
        }
    }

    static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                // setObject maps String, Long, Integer and byte[] to the standard types on every
                // driver we target (byte[] -> VARBINARY, which PostgreSQL binds to BYTEA).
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
