package org.openst.places.api;

import java.util.Objects;

/**
 * One member of a place: one login that joined it. A user who joins from two logins (or twice
 * from one) is two members.
 *
 * @param memberId    the member ID, unique within the place while it is open (as on the wire,
 *                    protocol spec §6.4)
 * @param userId      the member's persistent user ID
 * @param loginId     the login that joined
 * @param displayName the user's display name
 */
public record PlaceMember(int memberId, String userId, String loginId, String displayName) {

    /** Rejects null strings. */
    public PlaceMember {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(loginId, "loginId");
        Objects.requireNonNull(displayName, "displayName");
    }
}
