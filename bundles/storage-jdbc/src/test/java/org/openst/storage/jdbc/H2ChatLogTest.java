package org.openst.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The chat log contract on the default database: an embedded H2 file in its native mode. */
class H2ChatLogTest extends ChatLogContract {

    @Override
    ChatLogDatabase open() {
        return TestDatabases.openH2ChatLog(dir);
    }

    @Test
    void describeNamesTheProductAndTheFile() {
        assertEquals("H2 jdbc:h2:file:" + dir.toAbsolutePath() + "/chatlog", log.describe());
    }
}
