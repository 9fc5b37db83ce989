package org.openst.hub.api;

import java.net.InetSocketAddress;

import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.UserStatus;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Community events (the seed's COMMUNITY service): register an implementation as an OSGi service
 * to hear about every login on this hub. Events for one login arrive in order; see the package
 * documentation for threading.
 */
@ConsumerType
public interface CommunityListener {

    /**
     * A login completed (after LOGIN_ACK, and the SET_PRIVACY_LIST of a stored list, were sent);
     * {@link Login#privacy()} is already the list the login starts with.
     */
    default void loggedIn(Login login) {
    }

    /** A login ended; {@code reason} is 0 for a normal logout, else the error code. */
    default void loggedOut(Login login, int reason) {
    }

    /** A login changed its status; {@link Login#status()} is the new one. */
    default void statusChanged(Login login, UserStatus previous) {
    }

    /**
     * This login's privacy list changed, whoever changed it: the client (SET_PRIVACY_LIST) or the
     * server ({@link Community#pushPrivacy}, fired on the pushing thread). {@link Login#privacy()}
     * is the new list. The list a login starts with ({@link PrivacySource}) is no change: it is
     * already in force at {@link #loggedIn}.
     */
    default void privacyChanged(Login login, PrivacyInfo previous) {
    }

    /**
     * A LOGIN was refused (wrong password, unknown user, authority down...).
     *
     * @param loginName the name the client sent
     * @param from      where the client connected from
     * @param reason    the error code the client got
     * @since 1.2
     */
    default void loginRefused(String loginName, InetSocketAddress from, int reason) {
    }

    /**
     * A login opened a channel (to a service or to another user) and the hub routed it.
     *
     * @since 1.2
     */
    default void channelOpened(Login login, int serviceType) {
    }
}
