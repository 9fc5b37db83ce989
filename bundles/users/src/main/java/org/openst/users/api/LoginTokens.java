package org.openst.users.api;

import java.time.Duration;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Issues and checks login tokens. A token is an opaque, signed, expiring string naming one user;
 * whoever holds it may log in as that user until it expires, so hand it over like a password.
 *
 * <p>Implementations are thread-safe. Both methods may block briefly (the signing key may have to
 * be read from storage on first use), so do not call them on the hub's network threads.
 */
@ProviderType
public interface LoginTokens {

    /**
     * Issues a token for a user.
     *
     * @param userId   the user's ID; the token is issued for the directory's canonical spelling
     * @param validity how long the token is good for: at least one second and at most the
     *                 configured maximum
     * @return the token, an ASCII string without spaces
     * @throws IllegalArgumentException if the user is unknown or disabled, or the validity is out
     *                                  of range (the message says which)
     * @throws IllegalStateException    if tokens cannot be issued right now: no signing key (no
     *                                  storage service) or no directory to check the user against
     */
    String issue(String userId, Duration validity);

    /**
     * Checks a token's signature and expiry.
     *
     * <p>This does not check that the user still exists or may log in; the login authority does
     * that at login.
     *
     * @param token what a client presented; {@code null} or anything that is not a token yields empty
     * @return the user ID the token was issued for, if it is genuine and unexpired
     * @throws IllegalStateException if the signing key is unavailable, so genuineness cannot be decided
     */
    Optional<String> verify(String token);

    /**
     * The validity a token gets when whoever asks for one does not say (the shell command without a
     * minutes argument, for instance). Configured by the implementation.
     */
    Duration defaultValidity();
}
