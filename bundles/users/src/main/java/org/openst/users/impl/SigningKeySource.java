package org.openst.users.impl;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.openst.storage.api.ConfigRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token signing key: the configured one if {@code .token.key} is set, else the one kept in the
 * storage SPI's {@link ConfigRecords} ({@value #NAMESPACE} / {@value #RECORD}, base64), generated
 * on first use. {@code putIfAbsent} makes two processes sharing a database agree on one key.
 *
 * <p>The stored key is cached per storage service: a storage that goes away takes token logins
 * with it (the brief: without storage, token logins are refused), and a new storage service is
 * read afresh. Each distinct problem is logged once, not once per login.
 */
final class SigningKeySource {
    static final String NAMESPACE = "org.openst.users";
    static final String RECORD = "token.key";
    static final int KEY_BYTES = 32;

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeySource.class);

    /** A key read from one storage service. */
    private record Loaded(ConfigRecords from, byte[] key) {
    }

    private final SecureRandom random;
    private final AtomicReference<ConfigRecords> storage = new AtomicReference<>();
    private final Object loadLock = new Object();
    private volatile byte[] configured;
    private volatile Loaded cache;
    private volatile String lastProblem;

    SigningKeySource(SecureRandom random) {
        this.random = random;
    }

    /** Sets or clears (null) the configured key, which takes precedence over the stored one. */
    void configure(byte[] key) {
        configured = key == null ? null : key.clone();
    }

    /** DS greedy binding: a replacement is bound before the old one is unbound. */
    void storageAdded(ConfigRecords records) {
        storage.set(Objects.requireNonNull(records));
    }

    void storageRemoved(ConfigRecords records) {
        if (storage.compareAndSet(records, null) && configured == null) {
            report("no storage service");
        }
    }

    /**
     * @return the key (never modify it)
     * @throws KeyUnavailableException if there is no configured key and the stored one cannot be had
     */
    byte[] key() {
        byte[] c = configured;
        if (c != null) {
            return c;
        }
        ConfigRecords records = storage.get();
        if (records == null) {
            throw unavailable("no storage service");
        }
        Loaded loaded = cache;
        if (loaded != null && loaded.from() == records) {
            return loaded.key();
        }
        synchronized (loadLock) {
            loaded = cache;
            if (loaded != null && loaded.from() == records) {
                return loaded.key();
            }
            byte[] key = load(records);
            cache = new Loaded(records, key);
            if (lastProblem != null) {
                LOG.info("{}: token signing key available again; token logins work", NAMESPACE);
                lastProblem = null;
            }
            return key;
        }
    }

    /** For the authority's description: where the key comes from. */
    String describe() {
        if (configured != null) {
            return "configured token key";
        }
        return storage.get() == null ? "no token key (no storage service)" : "token key in storage " + NAMESPACE + "/" + RECORD;
    }

    private byte[] load(ConfigRecords records) {
        String text;
        try {
            Optional<String> stored = records.get(NAMESPACE, RECORD);
            if (stored.isPresent()) {
                text = stored.get();
            } else {
                byte[] fresh = new byte[KEY_BYTES];
                random.nextBytes(fresh);
                // Another process may have stored its key in the meantime: then we take that one.
                text = records.putIfAbsent(NAMESPACE, RECORD, Base64.getEncoder().encodeToString(fresh));
                if (text == null) {
                    throw unavailable("storage returned no value from putIfAbsent");
                }
                LOG.info("{}: token signing key {} stored (or adopted from another process)", NAMESPACE, RECORD);
            }
        } catch (KeyUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            // StorageException, or anything a broken back end throws: no key this time, retry next time.
            throw unavailable("storage failed: " + e.getMessage());
        }
        try {
            return decode(text);
        } catch (IllegalArgumentException e) {
            // Never overwrite it: another process may be using it. An administrator has to decide.
            throw unavailable("stored record " + NAMESPACE + "/" + RECORD + " is unusable (" + e.getMessage()
                    + "); remove it to have a new key generated");
        }
    }

    /**
     * Decodes a base64 key (standard or URL alphabet, padding optional).
     *
     * @throws IllegalArgumentException if it is not base64 or shorter than {@value #KEY_BYTES} bytes
     */
    static byte[] decode(String base64) {
        String text = base64 == null ? "" : base64.strip();
        byte[] key;
        try {
            key = (text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64");
        }
        if (key.length < KEY_BYTES) {
            throw new IllegalArgumentException(key.length + " bytes, at least " + KEY_BYTES + " needed");
        }
        return key;
    }

    private KeyUnavailableException unavailable(String why) {
        report(why);
        return new KeyUnavailableException(why);
    }

    private void report(String why) {
        if (!why.equals(lastProblem)) {
            lastProblem = why;
            LOG.warn("{}: token signing key unavailable: {}. Token logins are refused with VERIFICATION_DOWN and no "
                    + "tokens can be issued; password logins are not affected", NAMESPACE, why);
        }
    }
}
