package org.openst.storage.api;

import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Small named records server applications keep for themselves (a signing key, a place
 * definition, ...), grouped by namespace (by convention the bundle's symbolic name).
 */
@ProviderType
public interface ConfigRecords {

    Optional<String> get(String namespace, String key);

    /** Stores (or replaces) a record; durable when this returns. */
    void put(String namespace, String key, String value);

    /**
     * Stores a record only if the key is absent, atomically even across processes sharing the
     * database. @return the value now stored: {@code value}, or the one that was already there
     */
    String putIfAbsent(String namespace, String key, String value);

    /** @return whether a record was removed */
    boolean remove(String namespace, String key);

    /** Every record of a namespace, sorted by key. */
    Map<String, String> list(String namespace);
}
