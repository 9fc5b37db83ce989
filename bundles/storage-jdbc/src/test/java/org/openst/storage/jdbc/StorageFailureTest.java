package org.openst.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openst.protocol.PrivacyInfo;
import org.openst.storage.api.StorageException;

/**
 * Failures become {@link StorageException}s that say what failed where, are logged once, and
 * leave the data as it was.
 */
class StorageFailureTest {

    @TempDir
    Path dir;

    private final WarnLog warnings = new WarnLog();
    private String url;
    private JdbcDataSource h2;

    @BeforeEach
    void database() {
        url = TestDatabases.h2Url(dir, "");
        h2 = TestDatabases.h2(url);
    }

    @AfterEach
    void stopCapturing() {
        warnings.close();
    }

    @Test
    void anUnreachableDatabaseFailsConstruction() {
        StorageException e = assertThrows(StorageException.class,
                () -> new JdbcStorage(StubDataSource.refusing(), "jdbc:postgresql://db.invalid/openst?password=pw", 2));
        assertEquals("create the storage tables failed on jdbc:postgresql://db.invalid/openst: "
                + "Connection refused (test) (SQLSTATE 08001)", e.getMessage());
        assertInstanceOf(SQLException.class, e.getCause());
        assertEquals(List.of(e.getMessage()), warnings.messages());
    }

    @Test
    void aFailedOperationNamesItsOperationUserKeyAndDatabase() throws Exception {
        try (JdbcStorage storage = new JdbcStorage(h2, url, 2)) {
            execute("DROP TABLE " + Schema.USER_STORAGE_TABLE);

            StorageException e = assertThrows(StorageException.class, () -> storage.save("alice", 7, new byte[1]));
            String message = e.getMessage();
            assertTrue(message.startsWith("save storage unit 7 of user 'alice' failed on H2 jdbc:h2:file:"
                    + dir.toAbsolutePath() + "/storage: "), message);
            assertFalse(message.contains("WRITE_DELAY"), message);
            assertEquals(List.of(message), warnings.messages(), "logged exactly once");

            assertThrows(StorageException.class, () -> storage.load("alice", 7));
            assertThrows(StorageException.class, () -> storage.delete("alice", 7));
            assertThrows(StorageException.class, () -> storage.usedBytes("alice"));
            assertEquals(4, warnings.messages().size());
            // The other tables are untouched and still work.
            storage.put("ns", "k", "v");
            assertEquals(Optional.of("v"), storage.get("ns", "k"));
        }
    }

    @Test
    void aFailedUpsertChangesNothing() throws Exception {
        try (JdbcStorage storage = new JdbcStorage(h2, url, 2)) {
            storage.put("ns", "a", "1");
            String tooLong = "k".repeat(Schema.MAX_ID_LENGTH + 1);
            StorageException e = assertThrows(StorageException.class, () -> storage.put("ns", tooLong, "2"));
            assertTrue(e.getMessage().startsWith("put configuration record '" + tooLong + "' of namespace 'ns' failed"),
                    e.getMessage());
            assertEquals(Map.of("a", "1"), storage.list("ns"));

            assertThrows(StorageException.class, () -> storage.save(tooLong, 1, new byte[5]));
            assertEquals(0, count(Schema.USER_STORAGE_TABLE));
        }
    }

    @Test
    void aCorruptPrivacyListIsAStorageException() throws Exception {
        try (JdbcStorage storage = new JdbcStorage(h2, url, 2)) {
            storage.save("alice", PrivacyInfo.allowAll());
            execute("UPDATE " + Schema.PRIVACY_TABLE + " SET privacy_info = X'01FFFFFFFF'");
            StorageException e = assertThrows(StorageException.class, () -> storage.load("alice"));
            assertTrue(e.getMessage().startsWith("load the privacy list of user 'alice' failed on H2 "), e.getMessage());
            assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
            assertEquals(List.of(e.getMessage()), warnings.messages());
        }
    }

    @Test
    void trailingBytesAfterAPrivacyListAreCorruption() throws Exception {
        try (JdbcStorage storage = new JdbcStorage(h2, url, 2)) {
            storage.save("alice", PrivacyInfo.allowAll());
            execute("UPDATE " + Schema.PRIVACY_TABLE + " SET privacy_info = X'010000000000'");
            assertThrows(StorageException.class, () -> storage.load("alice"));
        }
    }

    @Test
    void aNewerSchemaIsRefused() throws Exception {
        new JdbcStorage(h2, url, 1).close();
        execute("UPDATE " + Schema.VERSION_TABLE + " SET schema_version = 2");
        StorageException e = assertThrows(StorageException.class, () -> new JdbcStorage(h2, url, 1));
        assertTrue(e.getMessage().contains("schema version 2"), e.getMessage());
    }

    @Test
    void aClosedStorageRefusesWork() {
        JdbcStorage storage = new JdbcStorage(h2, url, 2);
        storage.close();
        StorageException e = assertThrows(StorageException.class, () -> storage.get("ns", "k"));
        assertTrue(e.getMessage().contains("the storage is closed"), e.getMessage());
    }

    @Test
    void databaseErrorsAreNotRetriedButLostRacesAre() {
        assertTrue(Transactions.isLostRace(new SQLException("dup", "23505")));
        assertTrue(Transactions.isLostRace(new SQLException("serialization", "40001")));
        assertTrue(Transactions.isLostRace(new SQLException("deadlock", "40P01")));
        assertTrue(Transactions.isLostRace(new SQLException("h2 concurrent update", "90131", 90131)));
        assertFalse(Transactions.isLostRace(new SQLException("too long", "22001")));
        assertFalse(Transactions.isLostRace(new SQLException("no table", "42S02")));
        assertFalse(Transactions.isLostRace(new SQLException("no state")));
    }

    private long count(String table) throws SQLException {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
