package org.openst.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.osgi.service.jdbc.DataSourceFactory;

/** The URL and properties handed to the DataSourceFactory, and what may be shown of them. */
class ConnectionSettingsTest {

    @Test
    void theDefaultUrlIsAnH2FileInTheDataFolderWithDurableCommits() {
        ConnectionSettings settings = ConnectionSettings.of(ConnectionSettings.DEFAULT_URL, "", "", 4, "/srv/openst/data");
        assertEquals("jdbc:h2:file:/srv/openst/data/storage;WRITE_DELAY=0", settings.url());
        assertFalse(settings.delaysH2Commits());
    }

    @Test
    void theChatLogsDefaultIsAnotherFileInTheSameFolder() {
        ConnectionSettings settings = ConnectionSettings.of(ConnectionSettings.DEFAULT_CHAT_LOG_URL, " ", "", "", 4,
                "/srv/openst/data");
        assertEquals("jdbc:h2:file:/srv/openst/data/chatlog;WRITE_DELAY=0", settings.url());
        assertEquals("jdbc:postgresql://db/chat", ConnectionSettings.of(ConnectionSettings.DEFAULT_CHAT_LOG_URL,
                " jdbc:postgresql://db/chat ", "u", "p", 4, null).url());
    }

    @Test
    void withoutADataFolderItIsDataInTheWorkingDirectory() {
        String expected = Path.of("data").toAbsolutePath() + "/storage;WRITE_DELAY=0";
        assertEquals("jdbc:h2:file:" + expected, ConnectionSettings.of(null, null, null, 4, null).url());
        assertEquals("jdbc:h2:file:" + expected, ConnectionSettings.of(" ", "", "", 4, " ").url());
    }

    @Test
    void aRelativeDataFolderIsMadeAbsoluteForH2() {
        assertEquals(Path.of("var/data").toAbsolutePath(), ConnectionSettings.dataFolder("var/data"));
    }

    @Test
    void anExplicitWriteDelayIsLeftAloneButNoticed() {
        ConnectionSettings delayed = ConnectionSettings.of("jdbc:h2:file:/x/db;write_delay=500;MODE=PostgreSQL",
                "", "", 1, null);
        assertEquals("jdbc:h2:file:/x/db;write_delay=500;MODE=PostgreSQL", delayed.url());
        assertTrue(delayed.delaysH2Commits());
        assertFalse(ConnectionSettings.of("jdbc:h2:file:/x/db;WRITE_DELAY=0;MODE=PostgreSQL", "", "", 1, null)
                .delaysH2Commits());
    }

    @Test
    void otherDatabasesUrlsAreUnchanged() {
        ConnectionSettings settings = ConnectionSettings.of("jdbc:postgresql://127.0.0.1/openst", "openst", "pw", 8, null);
        assertEquals("jdbc:postgresql://127.0.0.1/openst", settings.url());
        assertFalse(settings.delaysH2Commits());
    }

    @Test
    void userAndPasswordArePassedOnlyWhenSet() {
        Properties none = ConnectionSettings.of(null, "", "", 4, "/d").dataSourceProperties();
        assertEquals(1, none.size());
        assertEquals("jdbc:h2:file:/d/storage;WRITE_DELAY=0", none.getProperty(DataSourceFactory.JDBC_URL));

        Properties both = ConnectionSettings.of("jdbc:postgresql://h/db", "openst", "s3cret", 4, null)
                .dataSourceProperties();
        assertEquals("openst", both.getProperty(DataSourceFactory.JDBC_USER));
        assertEquals("s3cret", both.getProperty(DataSourceFactory.JDBC_PASSWORD));
    }

    @Test
    void poolSizeBelowOneIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConnectionSettings.of(null, "", "", 0, null));
        assertEquals("pool.size must be at least 1, not 0", e.getMessage());
    }

    @Test
    void thePasswordIsNeverShown() {
        ConnectionSettings settings = ConnectionSettings.of("jdbc:postgresql://h/db?password=p1", "u", "p2", 4, null);
        assertFalse(settings.toString().contains("p1"), settings.toString());
        assertFalse(settings.toString().contains("p2"), settings.toString());
    }

    @Test
    void safeLocationDropsParametersAndCredentials() {
        assertEquals("jdbc:h2:file:/x/storage", Database.safeLocation("jdbc:h2:file:/x/storage;PASSWORD=pw;WRITE_DELAY=0"));
        assertEquals("jdbc:postgresql://db:5432/openst",
                Database.safeLocation("jdbc:postgresql://db:5432/openst?user=u&password=pw"));
        assertEquals("jdbc:mysql://db/openst", Database.safeLocation("jdbc:mysql://u:pw@db/openst"));
        assertEquals("(unnamed database)", Database.safeLocation(null));
    }
}
