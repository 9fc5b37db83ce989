package org.openst.storage.jdbc;

/**
 * The contract with PostgreSQL's column types (BYTEA) on H2 in PostgreSQL compatibility mode:
 * keeps the SQL within what both understand, without a PostgreSQL server. See
 * {@link PostgreSqlStorageTest} for the real thing.
 */
class H2PostgreSqlModeStorageTest extends StorageContract {

    @Override
    JdbcStorage open() {
        String url = TestDatabases.h2Url(dir, TestDatabases.POSTGRESQL_MODE);
        return new JdbcStorage(TestDatabases.h2(url), url, 4, SqlDialect.POSTGRESQL);
    }
}
