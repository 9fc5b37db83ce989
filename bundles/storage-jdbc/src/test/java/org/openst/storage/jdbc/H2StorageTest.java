package org.openst.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The contract on the default database: an embedded H2 file in its native mode. */
class H2StorageTest extends StorageContract {

    @Override
    JdbcStorage open() {
        return TestDatabases.openH2(dir);
    }

    @Test
    void describeNamesTheProductAndTheFile() {
        assertEquals("H2 jdbc:h2:file:" + dir.toAbsolutePath() + "/storage", storage.describe());
    }
}
