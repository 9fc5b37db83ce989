package org.openst.storage.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Keyed storage units of users (protocol spec §6.6): opaque values, one per (user, key).
 * Quotas are the caller's business; {@link #usedBytes} lets it check them.
 */
@ProviderType
public interface UserStorage {

    /** The stored value, or empty when the user never saved this key (or deleted it). */
    Optional<byte[]> load(String userId, long key);

    /** Stores (or replaces) one unit; durable when this returns. */
    void save(String userId, long key, byte[] value);

    /** Removes one unit; durable when this returns. @return whether a unit was stored */
    boolean delete(String userId, long key);

    /** The total size of the values the user has stored, for quota checks. */
    long usedBytes(String userId);

    /** A short human-readable name of this back end for logs ("H2 jdbc:h2:file:data/storage"). */
    String describe();
}
