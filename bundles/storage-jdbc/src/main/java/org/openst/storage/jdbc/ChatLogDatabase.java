package org.openst.storage.jdbc;

import javax.sql.DataSource;

/**
 * The database of the chat log and the statistics, without OSGi: one connection pool and one set
 * of worker threads that {@link JdbcChatLog} and {@link JdbcStatistics} share. A database of its
 * own (by default), apart from {@link JdbcStorage}'s, because chat logs grow without bound and an
 * administrator may want them on a server database while user data stays embedded, or the other
 * way round.
 *
 * <p>The two services are two objects because one class cannot implement both interfaces: their
 * {@code append(List<ChatEntry>)} and {@code append(List<StatEvent>)} have the same erasure.
 */
public class ChatLogDatabase implements AutoCloseable {

    final Database database;

    /**
     * Connects, creates the tables that are missing and checks their version.
     *
     * @param dataSource where connections come from
     * @param url the database's JDBC URL, only to name it in messages
     * @param poolSize the most connections kept open at once, at least 1
     * @throws org.openst.storage.api.StorageException when the database cannot be reached or its
     *         schema is too new
     */
    public ChatLogDatabase(DataSource dataSource, String url, int poolSize) {
        this(dataSource, url, poolSize, null);
    }

    /** @param dialect forced instead of detected, so tests can run one database's SQL on another */
    ChatLogDatabase(DataSource dataSource, String url, int poolSize, SqlDialect dialect) {
        this.database = new Database("chat log", dataSource, url, poolSize, dialect, ChatLogSchema::create);
    }

    /** e.g. "H2 jdbc:h2:file:/opt/openst/data/chatlog"; URL parameters and credentials left out. */
    public String describe() {
        return database.describe();
    }

    /** Lets running operations finish, then closes the connections; later calls fail. */
    @Override
    public void close() {
        database.close();
    }
}
