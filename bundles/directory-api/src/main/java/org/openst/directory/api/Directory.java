package org.openst.directory.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A user directory: the community's source of users, their credentials and names.
 *
 * <p>Implementations may block (an LDAP round trip, a database query); callers must not call
 * them from network I/O threads. Implementations must be thread-safe.
 */
@ConsumerType
public interface Directory {

    /**
     * Checks a login name and a password.
     *
     * @param loginName the name the user typed at login; implementations decide how it maps to a
     *                  user (user ID, mail address, alias...)
     * @param password  the clear-text password as decrypted from the login block
     * @return the outcome; never {@code null}. A back end that cannot answer returns
     *         {@link Authentication.Unavailable} rather than throwing.
     */
    Authentication authenticate(String loginName, String password);

    /**
     * Looks a user up by the community-unique user ID.
     *
     * @return the user, or empty when the directory has no such (enabled) user
     */
    Optional<DirectoryUser> findUser(String userId);

    /**
     * Resolves a name as a person would type it (user ID, display name, or the start of either)
     * to the matching users, best match first: exact user-ID matches, then exact display-name
     * matches, then prefix matches. Matching is case-insensitive.
     *
     * @param name       what to resolve; blank names match nothing
     * @param maxResults the most matches to return (at least 1)
     */
    List<DirectoryUser> resolve(String name, int maxResults);

    /**
     * Resolves a name to public groups, with the same rules as {@link #resolve(String, int)}:
     * exact group-ID matches, then exact display-name matches, then prefix matches of either;
     * case-insensitive.
     *
     * <p>Since 1.1. The default knows no groups.
     *
     * @param name       what to resolve; blank names match nothing
     * @param maxResults the most matches to return (at least 1)
     */
    default List<DirectoryGroup> findGroups(String name, int maxResults) {
        return List.of();
    }

    /**
     * The members of a public group (spec §6.2.4, seed "Directory"), in a stable order. Members
     * the directory no longer knows are left out.
     *
     * <p>Since 1.1. The default knows no groups.
     *
     * @return the members; empty when the group is unknown or empty
     */
    default List<DirectoryUser> groupMembers(String groupId) {
        return List.of();
    }

    /**
     * Browses the users for a directory view with paging (spec §6.7 SEARCH): users whose user ID
     * or display name contains {@code query} (case-insensitive), sorted by display name then user
     * ID (case-insensitive), from position {@code offset}.
     *
     * <p>Since 1.1. The default returns nothing: a directory that cannot browse says so by an empty
     * answer rather than by an approximation built on {@link #resolve(String, int)}.
     *
     * @param query      the substring to look for; {@code ""} lists every user
     * @param offset     how many matches of the sorted list to skip (0 or more)
     * @param maxResults the most users to return (at least 1)
     */
    default List<DirectoryUser> search(String query, int offset, int maxResults) {
        return List.of();
    }

    /** A short human-readable name of this directory for logs and admin commands ("embedded file conf/users.conf"). */
    String describe();
}
