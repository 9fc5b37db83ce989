package org.openst.users.impl;

/**
 * The token signing key cannot be had (no storage service, storage failing, a corrupt stored key),
 * so tokens can be neither issued nor checked. An {@link IllegalStateException}, as
 * {@link org.openst.users.api.LoginTokens} promises.
 */
final class KeyUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    KeyUnavailableException(String why) {
        super("token signing key unavailable: " + why);
    }
}
