package org.openst.hub.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides who may log in (the seed's "Users" server application). The hub decrypts the LOGIN
 * block and hands the clear-text credentials to the highest-ranked registered authority; without
 * one every login is refused with {@code ERR_VERIFICATION_DOWN}.
 *
 * <p>Called on the hub's authentication executor, never on a network thread, so implementations
 * may block on a directory or a database. They must be thread-safe.
 */
@ConsumerType
public interface LoginAuthority {

    /** Never returns null; a back end that cannot answer returns a {@link LoginDecision.Refused}. */
    LoginDecision authenticate(LoginAttempt attempt);
}
