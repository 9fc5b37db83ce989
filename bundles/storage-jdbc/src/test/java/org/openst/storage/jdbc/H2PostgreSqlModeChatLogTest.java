package org.openst.storage.jdbc;

/**
 * The chat log contract with PostgreSQL's SQL on H2 in PostgreSQL compatibility mode: keeps the
 * SQL within what both understand, without a PostgreSQL server. See {@link PostgreSqlChatLogTest}
 * for the real thing.
 */
class H2PostgreSqlModeChatLogTest extends ChatLogContract {

    @Override
    ChatLogDatabase open() {
        String url = TestDatabases.h2ChatLogUrl(dir, TestDatabases.POSTGRESQL_MODE);
        return new ChatLogDatabase(TestDatabases.h2(url), url, 4, SqlDialect.POSTGRESQL);
    }
}
