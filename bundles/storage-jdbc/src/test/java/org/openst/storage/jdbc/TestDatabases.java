package org.openst.storage.jdbc;

import java.nio.file.Path;

import org.h2.jdbcx.JdbcDataSource;

/** H2 file databases in a test's temporary folder, with the URL policy the component applies. */
final class TestDatabases {

    /** H2's recommended settings for PostgreSQL compatibility. */
    static final String POSTGRESQL_MODE = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private TestDatabases() {
    }

    /** The URL the component would build for this data folder, plus extra H2 settings. */
    static String h2Url(Path dataFolder, String extraSettings) {
        String url = ConnectionSettings.DEFAULT_URL.replace(ConnectionSettings.DATA_PLACEHOLDER,
                dataFolder.toAbsolutePath().toString()) + extraSettings;
        return ConnectionSettings.withDurableCommits(url);
    }

    /** The URL the chat log's component would build for this data folder, plus extra H2 settings. */
    static String h2ChatLogUrl(Path dataFolder, String extraSettings) {
        String url = ConnectionSettings.DEFAULT_CHAT_LOG_URL.replace(ConnectionSettings.DATA_PLACEHOLDER,
                dataFolder.toAbsolutePath().toString()) + extraSettings;
        return ConnectionSettings.withDurableCommits(url);
    }

    static JdbcDataSource h2(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        return dataSource;
    }

    /** Storage on H2 in its default mode with detected SQL. */
    static JdbcStorage openH2(Path dataFolder) {
        String url = h2Url(dataFolder, "");
        return new JdbcStorage(h2(url), url, 4);
    }

    /** The chat log's database on H2 in its default mode with detected SQL. */
    static ChatLogDatabase openH2ChatLog(Path dataFolder) {
        String url = h2ChatLogUrl(dataFolder, "");
        return new ChatLogDatabase(h2(url), url, 4);
    }
}
