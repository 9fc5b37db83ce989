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

    /** A short human-readable name of this directory for logs and admin commands ("embedded file conf/users.conf"). */
    String describe();
}
