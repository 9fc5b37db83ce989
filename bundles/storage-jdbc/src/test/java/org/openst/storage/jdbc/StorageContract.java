package org.openst.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.PrivacyUser;

/**
 * What every database must do the same way; one subclass per database (or H2 mode). Each test
 * starts on an empty database.
 */
abstract class StorageContract {

    static final String NS = "org.openst.test";

    @TempDir
    Path dir;

    JdbcStorage storage;

    /** Opens storage on this test's database; called again to reopen it. */
    abstract JdbcStorage open();

    /** Empties the database before each test (a fresh folder already is). */
    void wipe() throws Exception {
    }

    @BeforeEach
    void openStorage() throws Exception {
        wipe();
        storage = open();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }

    // ---- UserStorage

    @Test
    void unitRoundTrip() {
        storage.save("alice", 7, bytes("seven"));
        assertArrayEquals(bytes("seven"), storage.load("alice", 7).orElseThrow());
    }

    @Test
    void saveReplacesTheValue() {
        storage.save("alice", 7, bytes("first"));
        storage.save("alice", 7, bytes("second, longer"));
        assertArrayEquals(bytes("second, longer"), storage.load("alice", 7).orElseThrow());
        assertEquals("second, longer".length(), storage.usedBytes("alice"));
    }

    @Test
    void unitsAreKeptPerUserAndKey() {
        storage.save("alice", 1, bytes("a1"));
        storage.save("alice", 2, bytes("a2"));
        storage.save("bob", 1, bytes("b1"));
        assertArrayEquals(bytes("a1"), storage.load("alice", 1).orElseThrow());
        assertArrayEquals(bytes("a2"), storage.load("alice", 2).orElseThrow());
        assertArrayEquals(bytes("b1"), storage.load("bob", 1).orElseThrow());
    }

    @Test
    void deleteRemovesOneUnitAndSaysWhetherItWasThere() {
        storage.save("alice", 1, bytes("a1"));
        storage.save("alice", 2, bytes("a2"));
        assertTrue(storage.delete("alice", 1));
        assertFalse(storage.delete("alice", 1));
        assertEquals(Optional.empty(), storage.load("alice", 1));
        assertTrue(storage.load("alice", 2).isPresent());
    }

    @Test
    void missingUnitsAreEmpty() {
        assertEquals(Optional.empty(), storage.load("nobody", 1));
        assertFalse(storage.delete("nobody", 1));
        assertEquals(0, storage.usedBytes("nobody"));
    }

    @Test
    void usedBytesSumsOneUsersValues() {
        storage.save("alice", 1, new byte[10]);
        storage.save("alice", 2, new byte[32]);
        storage.save("alice", 3, new byte[0]);
        storage.save("bob", 1, new byte[1000]);
        assertEquals(42, storage.usedBytes("alice"));
        storage.delete("alice", 2);
        assertEquals(10, storage.usedBytes("alice"));
    }

    @Test
    void binaryValuesComeBackExactly() {
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        byte[] large = new byte[64 * 1024];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 31 + 7);
        }
        storage.save("alice", 1, new byte[0]);
        storage.save("alice", 2, everyByte);
        storage.save("alice", 3, large);
        assertArrayEquals(new byte[0], storage.load("alice", 1).orElseThrow());
        assertArrayEquals(everyByte, storage.load("alice", 2).orElseThrow());
        assertArrayEquals(large, storage.load("alice", 3).orElseThrow());
        assertEquals(256 + 64 * 1024, storage.usedBytes("alice"));
    }

    @Test
    void keysUseTheWholeLongRange() {
        // Sametime keys are u32 on the wire; callers may map them to negative longs or beyond.
        for (long key : new long[] {Long.MIN_VALUE, -1, 0, 0xFFFF_FFFFL, Long.MAX_VALUE}) {
            storage.save("alice", key, bytes(Long.toString(key)));
        }
        for (long key : new long[] {Long.MIN_VALUE, -1, 0, 0xFFFF_FFFFL, Long.MAX_VALUE}) {
            assertArrayEquals(bytes(Long.toString(key)), storage.load("alice", key).orElseThrow());
        }
    }

    @Test
    void unicodeUserIds() {
        List<String> ids = List.of("jürgen", "日本語のユーザー", "emoji-😀", "CN=Zoë Ünal/OU=Sales/O=Acme", "");
        for (String id : ids) {
            storage.save(id, 1, bytes(id));
            storage.save(id, new PrivacyInfo(false, List.of(PrivacyUser.of(id))));
        }
        for (String id : ids) {
            assertArrayEquals(bytes(id), storage.load(id, 1).orElseThrow(), id);
            assertEquals(List.of(PrivacyUser.of(id)), storage.load(id).orElseThrow().users(), id);
        }
        assertEquals(Optional.empty(), storage.load("jurgen", 1)); // not folded to ASCII
        assertEquals(Optional.empty(), storage.load("JÜRGEN", 1)); // nor to another case
    }

    @Test
    void theCallersArrayIsCopied() {
        byte[] value = bytes("original");
        storage.save("alice", 1, value);
        value[0] = 'X';
        byte[] loaded = storage.load("alice", 1).orElseThrow();
        loaded[1] = 'Y';
        assertArrayEquals(bytes("original"), storage.load("alice", 1).orElseThrow());
    }

    @Test
    void nullArgumentsAreRefusedBeforeTheDatabase() {
        assertThrows(NullPointerException.class, () -> storage.save(null, 1, new byte[0]));
        assertThrows(NullPointerException.class, () -> storage.save("alice", 1, (byte[]) null));
        assertThrows(NullPointerException.class, () -> storage.save("alice", (PrivacyInfo) null));
        assertThrows(NullPointerException.class, () -> storage.put(NS, "k", null));
    }

    @Test
    void concurrentFirstSavesOfOneKeyBothSucceed() throws Exception {
        // Both find no row, both INSERT: one loses with a unique violation and must be retried.
        for (int round = 0; round < 20; round++) {
            long key = round;
            List<Boolean> done = race(() -> {
                storage.save("alice", key, bytes("A"));
                return true;
            }, () -> {
                storage.save("alice", key, bytes("B"));
                return true;
            });
            assertEquals(List.of(true, true), done);
            String stored = new String(storage.load("alice", key).orElseThrow(), StandardCharsets.UTF_8);
            assertTrue(Set.of("A", "B").contains(stored), stored);
        }
        assertEquals(20, storage.usedBytes("alice"));
    }

    // ---- PrivacyStore

    @Test
    void privacyRoundTrip() {
        PrivacyInfo privacy = new PrivacyInfo(false, List.of(PrivacyUser.of("bob"),
                new PrivacyUser(true, "carol", "other.example", "Carol Example")));
        storage.save("alice", privacy);
        assertEquals(privacy, storage.load("alice").orElseThrow());
    }

    @Test
    void privacySaveReplacesTheList() {
        storage.save("alice", new PrivacyInfo(true, List.of(PrivacyUser.of("bob"))));
        storage.save("alice", PrivacyInfo.allowAll());
        assertEquals(PrivacyInfo.allowAll(), storage.load("alice").orElseThrow());
    }

    @Test
    void privacyOfAUserWhoNeverSetOneIsEmpty() {
        storage.save("alice", PrivacyInfo.allowAll());
        assertEquals(Optional.empty(), storage.load("bob"));
    }

    @Test
    void usersWithListsNamesExactlyTheUsersWhoSavedOne() {
        assertEquals(Set.of(), storage.usersWithLists());
        List<String> ids = List.of("alice", "Alice", "jürgen", "日本語のユーザー", "emoji-😀", "CN=Zoë Ünal/OU=Sales/O=Acme", "");
        for (String id : ids) {
            storage.save(id, PrivacyInfo.allowAll());
        }
        storage.save("alice", new PrivacyInfo(true, List.of(PrivacyUser.of("bob")))); // replaced: still one row
        storage.save("bob", 1, bytes("a storage unit, not a privacy list"));
        Set<String> users = storage.usersWithLists();
        assertEquals(Set.copyOf(ids), users); // as saved: not folded to another case
        for (String id : users) {
            assertTrue(storage.load(id).isPresent(), id);
        }
        assertThrows(UnsupportedOperationException.class, () -> users.add("carol"));
        storage.save("carol", PrivacyInfo.allowAll());
        assertFalse(users.contains("carol"), "a snapshot");
        assertTrue(storage.usersWithLists().contains("carol"));
    }

    // ---- ConfigRecords

    @Test
    void recordRoundTrip() {
        storage.put(NS, "signing-key", "c2VjcmV0");
        assertEquals(Optional.of("c2VjcmV0"), storage.get(NS, "signing-key"));
        assertEquals(Optional.empty(), storage.get(NS, "other"));
        assertEquals(Optional.empty(), storage.get("other.namespace", "signing-key"));
    }

    @Test
    void putReplacesAndRemoveSaysWhetherARecordWasThere() {
        storage.put(NS, "k", "one");
        storage.put(NS, "k", "two");
        assertEquals(Optional.of("two"), storage.get(NS, "k"));
        assertTrue(storage.remove(NS, "k"));
        assertFalse(storage.remove(NS, "k"));
        assertEquals(Optional.empty(), storage.get(NS, "k"));
    }

    @Test
    void recordValuesMayBeEmptyLongOrUnicode() {
        String longValue = "x".repeat(100_000);
        storage.put(NS, "empty", "");
        storage.put(NS, "long", longValue);
        storage.put(NS, "unicode", "Grüße, 世界 😀");
        assertEquals(Optional.of(""), storage.get(NS, "empty"));
        assertEquals(Optional.of(longValue), storage.get(NS, "long"));
        assertEquals(Optional.of("Grüße, 世界 😀"), storage.get(NS, "unicode"));
    }

    @Test
    void putIfAbsentKeepsTheFirstValue() {
        assertEquals("first", storage.putIfAbsent(NS, "k", "first"));
        assertEquals("first", storage.putIfAbsent(NS, "k", "second"));
        assertEquals(Optional.of("first"), storage.get(NS, "k"));
    }

    @Test
    void putIfAbsentRaceHasOneWinnerThatBothSee() throws Exception {
        for (int round = 0; round < 30; round++) {
            String key = "k" + round;
            List<String> results = race(() -> storage.putIfAbsent(NS, key, "A"),
                    () -> storage.putIfAbsent(NS, key, "B"));
            String stored = storage.get(NS, key).orElseThrow();
            assertEquals(List.of(stored, stored), results, "round " + round);
        }
    }

    @Test
    void listGivesOneNamespaceSortedByKey() {
        storage.put(NS, "b", "2");
        storage.put(NS, "a", "1");
        storage.put(NS, "B", "upper");
        storage.put(NS, "ä", "umlaut");
        storage.put("other", "a", "elsewhere");
        Map<String, String> records = storage.list(NS);
        assertEquals(List.of("B", "a", "b", "ä"), new ArrayList<>(records.keySet()));
        assertEquals("1", records.get("a"));
        assertEquals(Map.of(), storage.list("empty.namespace"));
        assertThrows(UnsupportedOperationException.class, () -> records.put("c", "3"));
    }

    // ---- lifecycle

    @Test
    void everythingSurvivesCloseAndReopen() {
        storage.save("alice", 1, bytes("unit"));
        storage.save("alice", new PrivacyInfo(true, List.of(PrivacyUser.of("bob"))));
        storage.put(NS, "k", "v");
        storage.close();

        storage = open();
        assertArrayEquals(bytes("unit"), storage.load("alice", 1).orElseThrow());
        assertEquals(new PrivacyInfo(true, List.of(PrivacyUser.of("bob"))), storage.load("alice").orElseThrow());
        assertEquals(Optional.of("v"), storage.get(NS, "k"));
        assertEquals(4, storage.usedBytes("alice"));
    }

    @Test
    void reopeningAnExistingDatabaseKeepsItsSchema() {
        storage.close();
        storage = open(); // CREATE TABLE IF NOT EXISTS and the version row must not trip
        storage.close();
        storage = open();
        storage.save("alice", 1, bytes("ok"));
        assertTrue(storage.load("alice", 1).isPresent());
    }

    // ---- helpers

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Runs both tasks at the same moment on two threads; their results in order. */
    static <T> List<T> race(Callable<T> first, Callable<T> second) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            Future<T> a = threads.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return first.call();
            });
            Future<T> b = threads.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return second.call();
            });
            return List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }
    }
}
