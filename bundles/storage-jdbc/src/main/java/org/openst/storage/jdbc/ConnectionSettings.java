package org.openst.storage.jdbc;

import static org.openst.support.config.ConfigChecks.atLeast;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

import javax.sql.DataSource;

import org.openst.storage.api.StorageException;
import org.openst.support.config.InvalidConfigException;
import org.osgi.service.jdbc.DataSourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the component passes to the {@link DataSourceFactory}: the configured URL with the data
 * folder filled in and H2 made to write every commit before acknowledging it.
 *
 * @param url the JDBC URL to connect to
 * @param user database user, empty for none
 * @param password database password, empty for none
 * @param poolSize the most connections open at once
 */
record ConnectionSettings(String url, String user, String password, int poolSize) {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionSettings.class);

    /** The framework (or system) property naming the folder for the server's data. */
    static final String DATA_PROPERTY = "openst.data";

    static final String DATA_PLACEHOLDER = "${" + DATA_PROPERTY + "}";

    /** Where the storage services keep their data by default. */
    static final String DEFAULT_URL = "jdbc:h2:file:" + DATA_PLACEHOLDER + "/storage";

    /** Where the chat log and the statistics are kept by default: a database of their own. */
    static final String DEFAULT_CHAT_LOG_URL = "jdbc:h2:file:" + DATA_PLACEHOLDER + "/chatlog";

    /**
     * H2's WRITE_DELAY (default 500 ms) is how long its MVStore may keep committed changes in
     * memory before writing them; with 0 every commit writes its changes to the file before the
     * commit returns (H2 2.x TransactionStore.endTransaction stores when the auto-commit delay is
     * 0), so a kill -9 right after loses nothing. The write reaches the operating system, not
     * necessarily the platter: a power failure can still lose the last commits.
     */
    static final String H2_DURABLE_COMMITS = ";WRITE_DELAY=0";

    /** The storage's settings: a blank url means {@link #DEFAULT_URL}. See the other {@code of}. */
    static ConnectionSettings of(String configuredUrl, String user, String password, int poolSize,
            String dataFolder) {
        return of(DEFAULT_URL, configuredUrl, user, password, poolSize, dataFolder);
    }

    /**
     * @param defaultUrl used when configuredUrl is blank
     * @param configuredUrl the url as configured
     * @param dataFolder the value of {@link #DATA_PROPERTY}, null or blank for "data" in the
     *        working directory
     * @throws InvalidConfigException if poolSize is below 1 or the url is not a JDBC URL
     */
    static ConnectionSettings of(String defaultUrl, String configuredUrl, String user, String password,
            int poolSize, String dataFolder) {
        atLeast("pool.size", poolSize, 1);
        String url = configuredUrl == null || configuredUrl.isBlank() ? defaultUrl : configuredUrl.strip();
        if (!url.regionMatches(true, 0, "jdbc:", 0, 5)) {
            throw new InvalidConfigException("url", "must start with jdbc:, not '" + Database.safeLocation(url) + "'");
        }
        url = url.replace(DATA_PLACEHOLDER, dataFolder(dataFolder).toString());
        return new ConnectionSettings(withDurableCommits(url), nullToEmpty(user), nullToEmpty(password), poolSize);
    }

    /**
     * The data folder as an absolute path: H2 refuses file URLs that are implicitly relative to
     * the working directory, and an absolute path in {@code describe()} tells the administrator
     * where the data is.
     */
    static Path dataFolder(String property) {
        String folder = property == null || property.isBlank() ? "data" : property.strip();
        return Path.of(folder).toAbsolutePath().normalize();
    }

    /** Adds {@link #H2_DURABLE_COMMITS} to an H2 URL that does not choose a WRITE_DELAY itself. */
    static String withDurableCommits(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("JDBC:H2:") || upper.contains(";WRITE_DELAY=")) {
            return url;
        }
        return url + H2_DURABLE_COMMITS;
    }

    /** Whether this is an H2 URL whose own WRITE_DELAY setting lets H2 acknowledge commits unwritten. */
    boolean delaysH2Commits() {
        String upper = url.toUpperCase(Locale.ROOT);
        int at = upper.indexOf(";WRITE_DELAY=");
        if (!upper.startsWith("JDBC:H2:") || at < 0) {
            return false;
        }
        int start = at + ";WRITE_DELAY=".length();
        int end = upper.indexOf(';', start);
        return !upper.substring(start, end < 0 ? upper.length() : end).strip().equals("0");
    }

    /** The standard DataSourceFactory properties; user and password only when set. */
    Properties dataSourceProperties() {
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, url);
        if (!user.isEmpty()) {
            properties.setProperty(DataSourceFactory.JDBC_USER, user);
        }
        if (!password.isEmpty()) {
            properties.setProperty(DataSourceFactory.JDBC_PASSWORD, password);
        }
        return properties;
    }

    /**
     * Asks the driver for a data source with these settings; warns when an H2 URL lets commits
     * be acknowledged before they are written.
     *
     * @throws StorageException when the driver refuses the settings
     */
    DataSource createDataSource(DataSourceFactory driver) {
        if (delaysH2Commits()) {
            LOG.warn("The url {} sets an H2 WRITE_DELAY other than 0: changes acknowledged shortly before a "
                    + "crash may be lost", Database.safeLocation(url));
        }
        try {
            return driver.createDataSource(dataSourceProperties());
        } catch (SQLException e) {
            String message = "create a data source for " + Database.safeLocation(url) + " failed: "
                    + e.getMessage() + " (SQLSTATE " + e.getSQLState() + ")";
            LOG.warn(message);
            throw new StorageException(message, e);
        }
    }

    /** Never shows the password (records print every component by default). */
    @Override
    public String toString() {
        return "ConnectionSettings[url=" + Database.safeLocation(url) + ", user=" + user + ", poolSize="
                + poolSize + "]";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
