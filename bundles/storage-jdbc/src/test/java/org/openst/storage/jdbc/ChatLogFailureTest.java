package org.openst.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openst.storage.api.ChatQuery;
import org.openst.storage.api.StatEvent;
import org.openst.storage.api.StorageException;

/**
 * Failures of the chat log and the statistics become {@link StorageException}s that say what
 * failed where, are logged once, and leave the data as it was.
 */
class ChatLogFailureTest {

    @TempDir
    Path dir;

    private final WarnLog warnings = new WarnLog();
    private String url;
    private JdbcDataSource h2;

    @BeforeEach
    void database() {
        url = TestDatabases.h2ChatLogUrl(dir, "");
        h2 = TestDatabases.h2(url);
    }

    @AfterEach
    void stopCapturing() {
        warnings.close();
    }

    @Test
    void anUnreachableDatabaseFailsConstruction() {
        StorageException e = assertThrows(StorageException.class,
                () -> new ChatLogDatabase(StubDataSource.refusing(), "jdbc:postgresql://db.invalid/chat?password=pw", 2));
        assertEquals("create the chat log tables failed on jdbc:postgresql://db.invalid/chat: "
                + "Connection refused (test) (SQLSTATE 08001)", e.getMessage());
        assertInstanceOf(SQLException.class, e.getCause());
        assertEquals(List.of(e.getMessage()), warnings.messages());
    }

    @Test
    void failedOperationsNameWhatFailedWhere() throws Exception {
        try (ChatLogDatabase database = new ChatLogDatabase(h2, url, 2)) {
            JdbcChatLog log = new JdbcChatLog(database);
            JdbcStatistics statistics = new JdbcStatistics(database);
            execute("DROP TABLE " + ChatLogSchema.CHAT_TABLE);
            execute("DROP TABLE " + ChatLogSchema.STAT_TABLE);
            String where = " failed on H2 jdbc:h2:file:" + dir.toAbsolutePath() + "/chatlog: ";

            assertFailure("append 1 chat log entry" + where,
                    () -> log.append(List.of(ChatLogContract.entry("secret words", ChatLogContract.T0))));
            assertFailure("find chat log entries of user 'alice' in conversation 'c' from 2026-03-03T10:00:00Z "
                    + "before 2026-03-03T11:00:00Z containing a text (offset 20, limit 10)" + where,
                    () -> log.find(new ChatQuery("alice", "c", ChatLogContract.T0,
                            ChatLogContract.T0.plusSeconds(3600), "secret words", 20, 10)));
            assertFailure("delete the chat log entries before 2026-03-03T10:00:00Z" + where,
                    () -> log.deleteBefore(ChatLogContract.T0));
            assertFailure("append 2 statistics events" + where, () -> statistics.append(List.of(
                    new StatEvent(ChatLogContract.T0, "login", 1), new StatEvent(ChatLogContract.T0, "logout", 1))));
            assertFailure("sum the statistics from 2026-03-03T10:00:00Z before +1000000000-12-31T23:59:59.999999999Z"
                    + where, () -> statistics.totalsPerHour(ChatLogContract.T0, Instant.MAX));
            assertFailure("delete the statistics events before 2026-03-03T10:00:00Z" + where,
                    () -> statistics.deleteBefore(ChatLogContract.T0));
            assertEquals(6, warnings.messages().size(), "each logged exactly once: " + warnings.messages());
            assertTrue(warnings.messages().stream().noneMatch(m -> m.contains("secret words")), "no chat text in logs");
        }
    }

    @Test
    void aNewerSchemaIsRefused() throws Exception {
        new ChatLogDatabase(h2, url, 1).close();
        execute("UPDATE " + SchemaVersion.TABLE + " SET schema_version = 2 WHERE schema_name = '"
                + ChatLogSchema.NAME + "'");
        StorageException e = assertThrows(StorageException.class, () -> new ChatLogDatabase(h2, url, 1));
        assertTrue(e.getMessage().contains("schema version 2 of org.openst.chatlog.jdbc"), e.getMessage());
    }

    @Test
    void aClosedChatLogRefusesWork() {
        ChatLogDatabase database = new ChatLogDatabase(h2, url, 2);
        database.close();
        StorageException e = assertThrows(StorageException.class, () -> new JdbcChatLog(database).find(ChatQuery.all(1)));
        assertTrue(e.getMessage().contains("the storage is closed"), e.getMessage());
        assertThrows(StorageException.class, () -> new JdbcStatistics(database).deleteBefore(Instant.EPOCH));
    }

    @Test
    void theStorageAndTheChatLogCanShareOneDatabaseWithTheirOwnVersionRows() throws Exception {
        try (JdbcStorage storage = new JdbcStorage(h2, url, 2); ChatLogDatabase database = new ChatLogDatabase(h2, url, 2)) {
            storage.put("ns", "k", "v");
            new JdbcChatLog(database).append(List.of(ChatLogContract.entry("hello", ChatLogContract.T0)));
            assertEquals(1, new JdbcChatLog(database).find(ChatQuery.all(5)).entries().size());
            assertEquals("v", storage.get("ns", "k").orElseThrow());
        }
        // A newer chat log schema does not stop the storage.
        execute("UPDATE " + SchemaVersion.TABLE + " SET schema_version = 9 WHERE schema_name = '"
                + ChatLogSchema.NAME + "'");
        try (JdbcStorage storage = new JdbcStorage(h2, url, 2)) {
            assertEquals("v", storage.get("ns", "k").orElseThrow());
        }
        assertThrows(StorageException.class, () -> new ChatLogDatabase(h2, url, 1));
    }

    @Test
    void batchFailuresReportTheReasonNotTheStatement() {
        SQLException reason = new SQLException("value too long", "22001");
        java.sql.BatchUpdateException batch = new java.sql.BatchUpdateException("Batch entry 0 INSERT ... 'text'",
                "22001", new int[0]);
        batch.setNextException(reason);
        assertEquals(reason, Transactions.reason(batch));
        assertEquals(reason, Transactions.reason(reason));
        assertFalse(Transactions.isLostRace(batch));
        java.sql.BatchUpdateException race = new java.sql.BatchUpdateException("dup", "23505", new int[0]);
        race.setNextException(new SQLException("duplicate key", "23505"));
        assertTrue(Transactions.isLostRace(race));
    }

    private void assertFailure(String expectedPrefix, org.junit.jupiter.api.function.Executable call) {
        StorageException e = assertThrows(StorageException.class, call);
        assertTrue(e.getMessage().startsWith(expectedPrefix), e.getMessage());
        assertFalse(e.getMessage().contains("WRITE_DELAY"), e.getMessage());
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
