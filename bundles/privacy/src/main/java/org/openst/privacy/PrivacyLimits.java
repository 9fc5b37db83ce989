package org.openst.privacy;

import static org.openst.support.config.ConfigChecks.atLeast;

import java.util.Optional;

import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.PrivacyUser;

/**
 * What the server accepts as a privacy list to store. The hub has already decoded the list, so it
 * is well-formed; these limits keep one user from filling the store or every awareness check.
 *
 * @param maxEntries  the most users a list may name
 * @param maxIdLength the longest user ID (in characters) a list may name
 */
record PrivacyLimits(int maxEntries, int maxIdLength) {

    PrivacyLimits {
        atLeast("max.entries", maxEntries, 0);
        atLeast("max.id.length", maxIdLength, 1);
    }

    /** Why {@code list} may not be stored, or empty when it may. */
    Optional<String> violation(PrivacyInfo list) {
        if (list.users().size() > maxEntries) {
            return Optional.of(list.users().size() + " entries (max.entries is " + maxEntries + ")");
        }
        for (PrivacyUser u : list.users()) {
            int length = u.id().codePointCount(0, u.id().length());
            if (length > maxIdLength) {
                return Optional.of("a user ID of " + length + " characters (max.id.length is " + maxIdLength + ")");
            }
        }
        return Optional.empty();
    }
}
