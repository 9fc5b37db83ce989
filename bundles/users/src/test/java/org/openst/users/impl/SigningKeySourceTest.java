package org.openst.users.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.openst.support.testing.MutableClock;

/** Where the signing key comes from: generated once, kept in ConfigRecords, shared, cached. */
class SigningKeySourceTest {
    private final MemoryConfigRecords storage = new MemoryConfigRecords();

    private static SigningKeySource source(MemoryConfigRecords records) {
        SigningKeySource s = new SigningKeySource(new SecureRandom());
        if (records != null) {
            s.storageAdded(records);
        }
        return s;
    }

    @Test
    void firstUseGeneratesA32ByteKeyAndStoresItAsBase64() {
        byte[] key = source(storage).key();
        assertEquals(32, key.length);
        String stored = storage.list(SigningKeySource.NAMESPACE).get(SigningKeySource.RECORD);
        assertArrayEquals(key, Base64.getDecoder().decode(stored));
    }

    @Test
    void theKeyIsReadOnceAndThenCached() {
        SigningKeySource s = source(storage);
        byte[] first = s.key();
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(first, s.key());
        }
        assertEquals(1, storage.gets.get());
        assertEquals(1, storage.putIfAbsents.get());
    }

    @Test
    void tokensSurviveARestartBecauseTheKeyIsStored() {
        MutableClock clock = new MutableClock(TestUsers.START);
        SigningKeySource before = source(storage);
        String token = new SignedTokens(before::key, clock, new SecureRandom()).issue("alice", Duration.ofMinutes(5));

        SigningKeySource after = source(storage); // a new process on the same database
        TokenCheck check = new SignedTokens(after::key, clock, new SecureRandom()).check(token);
        assertEquals("alice", assertInstanceOf(TokenCheck.Valid.class, check).userId());
        assertEquals(1, storage.putIfAbsents.get(), "the second process generated no key");
    }

    @Test
    void twoProcessesThatBothSawNoKeyAgreeOnTheFirstStored() {
        storage.hideFromGet = true; // both read "absent" before either stored
        SigningKeySource first = source(storage);
        SigningKeySource second = source(storage);
        byte[] a = first.key();
        byte[] b = second.key();
        assertArrayEquals(a, b);
        assertEquals(2, storage.putIfAbsents.get(), "both tried to store a key");
        storage.hideFromGet = false;
        assertArrayEquals(a, Base64.getDecoder().decode(storage.get(SigningKeySource.NAMESPACE, SigningKeySource.RECORD).orElseThrow()));
    }

    @Test
    void concurrentFirstUsesAcrossProcessesAgree() throws Exception {
        int processes = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(processes);
        try {
            List<Future<byte[]>> keys = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                SigningKeySource s = source(storage);
                Callable<byte[]> task = () -> {
                    start.await();
                    return s.key();
                };
                keys.add(pool.submit(task));
            }
            start.countDown();
            byte[] first = keys.get(0).get(10, TimeUnit.SECONDS);
            for (Future<byte[]> k : keys) {
                assertArrayEquals(first, k.get(10, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withoutStorageThereIsNoKey() {
        KeyUnavailableException e = assertThrows(KeyUnavailableException.class, () -> source(null).key());
        assertEquals("token signing key unavailable: no storage service", e.getMessage());
        assertInstanceOf(IllegalStateException.class, e);
    }

    @Test
    void aFailingStorageGivesNoKeyUntilItRecovers() {
        SigningKeySource s = source(storage);
        storage.failing = true;
        KeyUnavailableException e = assertThrows(KeyUnavailableException.class, s::key);
        assertTrue(e.getMessage().contains("storage failed: database is down"), e.getMessage());
        storage.failing = false;
        assertEquals(32, s.key().length);
    }

    @Test
    void aCorruptStoredKeyIsReportedAndNeverOverwritten() {
        storage.put(SigningKeySource.NAMESPACE, SigningKeySource.RECORD, "not base64!");
        KeyUnavailableException e = assertThrows(KeyUnavailableException.class, () -> source(storage).key());
        assertTrue(e.getMessage().contains("remove it to have a new key generated"), e.getMessage());
        assertEquals("not base64!", storage.get(SigningKeySource.NAMESPACE, SigningKeySource.RECORD).orElseThrow());

        storage.put(SigningKeySource.NAMESPACE, SigningKeySource.RECORD, TestUsers.base64Key(1, 16));
        assertThrows(KeyUnavailableException.class, () -> source(storage).key(), "a 16-byte key is too short");
    }

    @Test
    void aConfiguredKeyWinsAndNeedsNoStorage() {
        byte[] configured = SigningKeySource.decode(TestUsers.base64Key(3, 32));
        SigningKeySource s = source(null);
        s.configure(configured);
        assertArrayEquals(configured, s.key());
        s.storageAdded(storage);
        assertArrayEquals(configured, s.key());
        assertEquals(0, storage.gets.get(), "storage is not even read");
        s.configure(null);
        assertEquals(32, s.key().length);
        assertTrue(storage.list(SigningKeySource.NAMESPACE).containsKey(SigningKeySource.RECORD));
    }

    @Test
    void aStorageThatGoesAwayTakesTheKeyAndANewOneIsReadAfresh() {
        SigningKeySource s = source(storage);
        byte[] first = s.key();
        s.storageRemoved(storage);
        assertThrows(KeyUnavailableException.class, s::key);

        MemoryConfigRecords other = new MemoryConfigRecords();
        other.put(SigningKeySource.NAMESPACE, SigningKeySource.RECORD, TestUsers.base64Key(9, 32));
        s.storageAdded(other);
        assertArrayEquals(SigningKeySource.decode(TestUsers.base64Key(9, 32)), s.key());

        s.storageAdded(storage); // greedy replacement: the new one is bound before the old is unbound
        s.storageRemoved(other);
        assertArrayEquals(first, s.key());
    }

    @Test
    void keysDecodeFromEitherBase64AlphabetAndMustBeLongEnough() {
        byte[] key = new byte[32];
        key[0] = (byte) 0xFB; // encodes to '+' or '-'
        key[1] = (byte) 0xFF;
        assertArrayEquals(key, SigningKeySource.decode(Base64.getEncoder().encodeToString(key)));
        assertArrayEquals(key, SigningKeySource.decode(" " + Base64.getUrlEncoder().withoutPadding().encodeToString(key) + "\n"));
        assertThrows(IllegalArgumentException.class, () -> SigningKeySource.decode(TestUsers.base64Key(1, 31)));
        assertThrows(IllegalArgumentException.class, () -> SigningKeySource.decode("%%%"));
        assertThrows(IllegalArgumentException.class, () -> SigningKeySource.decode(""));
    }
}
