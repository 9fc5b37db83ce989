package org.openst.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Callers run storage calls on their own executors, and stopping one with shutdownNow()
 * interrupts them. An interrupt during I/O closes the FileChannel under embedded H2, and with
 * it the database for every other caller. The storage must keep the database out of reach of
 * callers' interrupts, and keep each caller's interrupt for the caller to see.
 */
class InterruptedCallerTest {

    @TempDir
    Path dir;

    @Test
    void anInterruptedCallerCompletesItsWorkAndKeepsItsInterrupt() {
        try (JdbcStorage storage = TestDatabases.openH2(dir)) {
            Thread.currentThread().interrupt(); // as if shutdownNow() came just before the call
            try {
                storage.save("alice", 1, new byte[] {1});
                storage.put("ns", "k", "v");
                assertTrue(Thread.currentThread().isInterrupted(), "the caller's interrupt is kept");
            } finally {
                Thread.interrupted();
            }
            // The database is still open for everybody, and the acknowledged changes are there.
            assertArrayEquals(new byte[] {1}, storage.load("alice", 1).orElseThrow());
            assertEquals(Optional.of("v"), storage.get("ns", "k"));
        }
        try (JdbcStorage reopened = TestDatabases.openH2(dir)) {
            assertArrayEquals(new byte[] {1}, reopened.load("alice", 1).orElseThrow());
        }
    }
}
