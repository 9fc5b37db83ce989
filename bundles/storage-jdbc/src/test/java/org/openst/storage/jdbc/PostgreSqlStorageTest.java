package org.openst.storage.jdbc;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The storage contract on a real PostgreSQL server, when one is named (see {@link TestPostgreSql}
 * for how, and for what happens when none is). Each test drops this bundle's storage tables
 * first: use a database of its own.
 */
@ExtendWith(TestPostgreSql.class)
class PostgreSqlStorageTest extends StorageContract {

    @Override
    JdbcStorage open() {
        return new JdbcStorage(TestPostgreSql.dataSource(), TestPostgreSql.url(), 4);
    }

    @Override
    void wipe() throws Exception {
        TestPostgreSql.executeIgnoringErrors(
                "DROP TABLE IF EXISTS " + Schema.USER_STORAGE_TABLE,
                "DROP TABLE IF EXISTS " + Schema.PRIVACY_TABLE,
                "DROP TABLE IF EXISTS " + Schema.CONFIG_TABLE,
                "DELETE FROM " + Schema.VERSION_TABLE + " WHERE schema_name = '" + Schema.NAME + "'");
    }
}
