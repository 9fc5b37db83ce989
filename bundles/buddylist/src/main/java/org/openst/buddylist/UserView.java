package org.openst.buddylist;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.openst.hub.api.Login;
import org.openst.hub.api.PrivacyRules;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.UserStatus;

/**
 * What the awareness service publishes about one user (or the community server): presence of the
 * reported login, its privacy list and its attributes. Immutable; equal views need no message.
 *
 * @param online     false when the user has no login; the other presence fields are then empty
 * @param ownerId    the user's ID, so that a user always sees themself ("" for the server)
 * @param altId      the reported login's ID (§1.2.6 alt_id)
 * @param status     the reported login's status
 * @param name       display name
 * @param privacy    the reported login's privacy list; null for "everybody" (the server)
 * @param attributes the reported login's attributes, by key, sorted so that messages go out in key order
 */
record UserView(boolean online, String ownerId, String altId, UserStatus status, String name, PrivacyInfo privacy,
        Map<Integer, AttributeValue> attributes) {

    static final UserView OFFLINE = new UserView(false, "", "", UserStatus.offline(), "", null, Map.of());

    /** Copies the attributes into an unmodifiable map in key order. */
    UserView {
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }

    /** The view of a user whose reported login is {@code login}. */
    static UserView of(Login login, Map<Integer, AttributeValue> attributes) {
        return new UserView(true, login.userId(), login.loginId(), login.status(), login.userName(), login.privacy(),
                attributes);
    }

    /** Whether {@code watcherUserId} may see this user online (§6.2.1: hidden users look offline). */
    boolean visibleTo(String watcherUserId) {
        if (!online) {
            return false;
        }
        return privacy == null || ownerId.equalsIgnoreCase(watcherUserId) || PrivacyRules.allows(privacy, watcherUserId);
    }

    /** This view, or {@link #OFFLINE} for a watcher the privacy list hides it from. */
    UserView shownTo(String watcherUserId) {
        return visibleTo(watcherUserId) ? this : OFFLINE;
    }

    /** Whether a snapshot block of both views would read the same. */
    boolean samePresence(UserView other) {
        return online == other.online && altId.equals(other.altId) && status.equals(other.status)
                && name.equals(other.name);
    }
}
