/**
 * The storage SPI ({@link org.openst.storage.api}) on JDBC: an embedded H2 file database by
 * default, PostgreSQL through the same portable SQL. Two databases, each configured on its own:
 * {@link org.openst.storage.jdbc.JdbcStorage} (user storage, privacy lists, configuration
 * records; component {@link org.openst.storage.jdbc.JdbcStorageComponent}, PID
 * {@code org.openst.storage.jdbc}) and {@link org.openst.storage.jdbc.ChatLogDatabase} with
 * {@link org.openst.storage.jdbc.JdbcChatLog} and {@link org.openst.storage.jdbc.JdbcStatistics}
 * (components {@link org.openst.storage.jdbc.ChatLogDatabaseComponent}, PID
 * {@code org.openst.chatlog.jdbc}, and the two service components on it). Both rest on {@link
 * org.openst.storage.jdbc.Database}: worker threads, connection pool, transactions, dialect.
 * Implementation only: this package is not exported (it has no {@code @Version}).
 */
package org.openst.storage.jdbc;
