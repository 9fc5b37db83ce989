package org.openst.storage.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Objects;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database as this bundle's services use it: its {@link Transactions} (worker threads and
 * connection pool), its tables created in the {@link SqlDialect} detected from it, and its name
 * for messages. Both
 * services of the bundle, {@link JdbcStorage} and {@link JdbcChatLog}, are built on one each, so
 * an administrator can put them on the same database or on different ones.
 */
final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Creates the tables of one service, inside the transaction {@link Database} opens for it. */
    @FunctionalInterface
    interface SchemaCreator {
        void create(Connection connection, SqlDialect dialect) throws SQLException;
    }

    private final Transactions transactions;
    private volatile String description;

    /**
     * Connects, creates the tables that are missing and checks their version.
     *
     * @param what names the service in the log and in its worker threads, e.g. "storage"
     * @param dataSource where connections come from
     * @param url the database's JDBC URL, only to name it in {@link #describe()} and messages
     * @param poolSize the most connections kept open at once, at least 1
     * @param forcedDialect used instead of the detected one (tests run one database's SQL on
     *        another); null to detect
     * @param schema creates the service's tables
     * @throws org.openst.storage.api.StorageException when the database cannot be reached or its
     *         schema is too new
     */
    Database(String what, DataSource dataSource, String url, int poolSize, SqlDialect forcedDialect,
            SchemaCreator schema) {
        this.description = safeLocation(url);
        this.transactions = new Transactions(Objects.requireNonNull(dataSource, "dataSource"), poolSize,
                () -> description, "openst-" + what.replace(' ', '-') + "-jdbc-");
        try {
            transactions.run("create the " + what + " tables", connection -> {
                DatabaseMetaData meta = connection.getMetaData();
                SqlDialect chosen = forcedDialect != null ? forcedDialect
                        : SqlDialect.forProductName(meta.getDatabaseProductName());
                schema.create(connection, chosen);
                description = meta.getDatabaseProductName() + " " + safeLocation(url);
                return null;
            });
        } catch (RuntimeException e) {
            transactions.close();
            throw e;
        }
        LOG.info("{} ready on {}", Character.toUpperCase(what.charAt(0)) + what.substring(1), description);
    }

    /**
     * Drops what could reveal credentials: URL parameters (H2's {@code ;PASSWORD=...}, pgjdbc's
     * {@code ?password=...}) and a {@code user:password@} part.
     */
    static String safeLocation(String url) {
        if (url == null || url.isBlank()) {
            return "(unnamed database)";
        }
        String location = url.strip();
        int cut = location.length();
        for (char separator : new char[] {';', '?'}) {
            int at = location.indexOf(separator);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return location.substring(0, cut).replaceFirst("//[^/@]*@", "//");
    }

    /** One transaction; see {@link Transactions#run}. */
    <T> T run(String operation, Transactions.Work<T> work) {
        return transactions.run(operation, work);
    }

    /** The database product and its URL without parameters, e.g. "H2 jdbc:h2:file:/x/storage". */
    String describe() {
        return description;
    }

    /**
     * Lets running operations finish, then closes the connections (an embedded H2 database
     * closes with its last one). Later operations fail with a StorageException.
     */
    @Override
    public void close() {
        transactions.close();
    }
}
