package org.openst.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openst.storage.api.ChatQuery;
import org.postgresql.osgi.PGDataSourceFactory;

/**
 * The chat log contract on a real PostgreSQL server, when one is named (see {@link
 * TestPostgreSql} for how, and for what happens when none is). Opened the way the runtime does:
 * {@link ChatLogDatabaseComponent} with pgjdbc's own DataSourceFactory and the configured URL,
 * user and password. Each test drops the chat log's tables first: use a database of its own.
 */
@ExtendWith(TestPostgreSql.class)
class PostgreSqlChatLogTest extends ChatLogContract {

    @Override
    ChatLogDatabase open() {
        TestPostgreSql.dataSource(); // fails clearly when a server is required but not named
        ConnectionSettings settings = ConnectionSettings.of(ConnectionSettings.DEFAULT_CHAT_LOG_URL,
                TestPostgreSql.url(), TestPostgreSql.user(), TestPostgreSql.password(), 4, null);
        return new ChatLogDatabaseComponent(settings, new PGDataSourceFactory());
    }

    @Override
    void wipe() throws Exception {
        TestPostgreSql.dataSource();
        TestPostgreSql.executeIgnoringErrors(
                "DROP TABLE IF EXISTS " + ChatLogSchema.CHAT_TABLE,
                "DROP TABLE IF EXISTS " + ChatLogSchema.STAT_TABLE,
                "DELETE FROM " + SchemaVersion.TABLE + " WHERE schema_name = '" + ChatLogSchema.NAME + "'");
    }

    @Test
    void describeNamesPostgreSql() {
        assertTrue(log.describe().startsWith("PostgreSQL jdbc:postgresql://"), log.describe());
    }

    @Test
    void theStorageAndTheChatLogCanShareOneDatabase() {
        // An administrator may point both PIDs at the same server database.
        try (JdbcStorage storage = new JdbcStorage(TestPostgreSql.dataSource(), TestPostgreSql.url(), 2)) {
            storage.put("ns", "shared", "yes");
            log.append(List.of(entry("beside the storage", T0)));
            assertEquals(List.of("beside the storage"), texts(log.find(ChatQuery.all(5))));
            assertEquals("yes", storage.get("ns", "shared").orElseThrow());
            storage.remove("ns", "shared");
        }
    }
}
