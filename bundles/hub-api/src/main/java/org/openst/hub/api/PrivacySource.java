package org.openst.hub.api;

import java.util.Optional;

import org.openst.protocol.PrivacyInfo;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Supplies the privacy list a user's login starts with: the list the user stored (protocol spec
 * §3.12, §8.2 #7). Register an implementation as an OSGi service; the hub asks the
 * highest-ranked one. Without one, every login starts with "allow all"
 * ({@link PrivacyInfo#allowAll()}).
 *
 * <p>The answer becomes the login's {@link Login#privacy()} before anybody can see the login: the
 * LOGIN_ACK carries it, and when it is not "allow all" the hub also sends it in SET_PRIVACY_LIST
 * right after the LOGIN_ACK (the client ignores the list in LOGIN_ACK, spec §3.4). So the list is
 * in force from the first moment: {@link CommunityListener#loggedIn} already sees it, awareness
 * never shows the user to a blocked watcher, and the hub refuses a blocked user's channels.
 *
 * <p>Called on the hub's authentication executor after a user was authenticated and before
 * LOGIN_ACK, never on a network thread, so it may block on a store, but only briefly: the client
 * waits for its LOGIN_ACK meanwhile. The hub waits at most 2 seconds; an implementation that
 * throws, returns null or takes longer is logged (WARN) and the login starts with "allow all":
 * logging in stays possible while the store is down (availability over strictness), and the list
 * can still be pushed later with {@link Community#pushPrivacy}. Guests are never asked: they have
 * no stored identity. Must be thread-safe.
 *
 * @since 1.2
 */
@ConsumerType
public interface PrivacySource {

    /**
     * The privacy list stored for a user.
     *
     * @param userId the user's persistent ID, as the {@link LoginAuthority} decided it
     * @return the stored list, or empty when the user never stored one
     */
    Optional<PrivacyInfo> storedPrivacy(String userId);

    /**
     * The list a login of this user starts with, when it is known at once: from a cache, or
     * {@link PrivacyInfo#allowAll()} for a user known to have stored none. The hub asks this
     * first, on the authentication thread, and only when it returns null calls {@link
     * #storedPrivacy} on its own executor and waits for it with the time bound above. Most users
     * never store a list, and for them this saves a thread hand-off per login. Must not block.
     *
     * @param userId the user's persistent ID, as the {@link LoginAuthority} decided it
     * @return the list, or null when only {@link #storedPrivacy} can tell
     * @since 1.3
     */
    default PrivacyInfo knownPrivacy(String userId) {
        return null;
    }
}
