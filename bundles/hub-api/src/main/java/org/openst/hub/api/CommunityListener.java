package org.openst.hub.api;

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

    /** A login completed (after LOGIN_ACK was sent). */
    default void loggedIn(Login login) {
    }

    /** A login ended; {@code reason} is 0 for a normal logout, else the error code. */
    default void loggedOut(Login login, int reason) {
    }

    /** A login changed its status; {@link Login#status()} is the new one. */
    default void statusChanged(Login login, UserStatus previous) {
    }

    /** A login replaced its privacy list; {@link Login#privacy()} is the new one. */
    default void privacyChanged(Login login, PrivacyInfo previous) {
    }
}
