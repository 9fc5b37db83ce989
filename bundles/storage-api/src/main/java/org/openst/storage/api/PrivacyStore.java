package org.openst.storage.api;

import java.util.Optional;
import java.util.Set;

import org.openst.protocol.PrivacyInfo;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The privacy list each user last set (protocol spec §3.12), kept across logins and machines.
 *
 * <p>User IDs are compared exactly, as given (case-sensitive, no Unicode normalisation): a list
 * saved for {@code "alice"} is not found for {@code "Alice"}.
 */
@ProviderType
public interface PrivacyStore {

    /** The user's stored list, or empty when the user never set one. */
    Optional<PrivacyInfo> load(String userId);

    /** Stores (or replaces) the user's list; durable when this returns. */
    void save(String userId, PrivacyInfo privacy);

    /**
     * The IDs of the users that have a stored list, each exactly as it was passed to
     * {@link #save} (the IDs are compared as {@link #load} compares them: exactly): a user ID is
     * in the set exactly when {@link #load} would return a list for it at the time of the call.
     * One query, so that a caller can answer the many users without a list without asking for
     * each (most users never store one).
     *
     * <p>A snapshot: an immutable set, not changed by later saves. A save that runs concurrently
     * with this call may or may not be in it.
     *
     * @since 1.2
     */
    Set<String> usersWithLists();
}
