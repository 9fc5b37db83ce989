package org.openst.hub.api;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A LOGIN as the hub decrypted it.
 *
 * @param loginName     the user ID field of the LOGIN, as typed by the user; empty for an
 *                      anonymous guest login
 * @param secret        the clear-text password (auth types RC2/40 and RC2/128) or the token
 *                      (auth type TOKEN); a client that cannot send TOKEN may also send a token
 *                      as its password
 * @param kind          what the client said {@code secret} is
 * @param loginType     the client type (protocol spec §1.3)
 * @param remoteAddress where the client connects from
 */
public record LoginAttempt(String loginName, String secret, SecretKind kind, int loginType,
        InetSocketAddress remoteAddress) {

    /** What the client sent as its secret. */
    public enum SecretKind {
        /** A password, decrypted from an RC2/40 or RC2/128 block. */
        PASSWORD,
        /** A login token (auth type {@code 0x0001}, carried as a {@code str}). */
        TOKEN
    }

    public LoginAttempt {
        Objects.requireNonNull(loginName, "loginName");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(kind, "kind");
    }
}
