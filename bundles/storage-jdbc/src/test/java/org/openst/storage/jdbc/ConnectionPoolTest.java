package org.openst.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openst.storage.api.StorageException;

/** Connections are bounded by the pool size, reused, and dropped after an error. */
class ConnectionPoolTest {

    @TempDir
    Path dir;

    @Test
    void neverOpensMoreThanItsSize() throws Exception {
        String url = TestDatabases.h2Url(dir, "");
        StubDataSource counted = StubDataSource.counting(TestDatabases.h2(url));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (JdbcStorage storage = new JdbcStorage(counted, url, 2)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String user = "user" + t;
                work.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < 25; i++) {
                        storage.save(user, i, new byte[] {(byte) i});
                        storage.load(user, i).orElseThrow();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertTrue(counted.connectionsOpened.get() <= 2, counted.connectionsOpened + " connections");
            assertEquals(25, storage.usedBytes("user7"));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aConnectionThatSawAnErrorIsReplaced() {
        String url = TestDatabases.h2Url(dir, "");
        StubDataSource counted = StubDataSource.counting(TestDatabases.h2(url));
        try (JdbcStorage storage = new JdbcStorage(counted, url, 1)) {
            assertEquals(1, counted.connectionsOpened.get());
            storage.put("ns", "k", "v");
            assertEquals(1, counted.connectionsOpened.get(), "reused");

            assertThrows(StorageException.class, () -> storage.put("ns", "k".repeat(Schema.MAX_ID_LENGTH + 1), "v"));
            storage.put("ns", "k", "w");
            assertEquals(2, counted.connectionsOpened.get(), "replaced after the error");
        }
    }

    @Test
    void aPoolOfNoConnectionsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new JdbcStorage(StubDataSource.refusing(), "jdbc:x", 0));
    }
}
