package org.openst.users.impl;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks tokens of {@link TokenFormat} with an HMAC-SHA256 key. The clock is injected so
 * that tests can move time instead of waiting for tokens to expire.
 */
final class SignedTokens {
    private static final String HMAC = "HmacSHA256";

    private final Supplier<byte[]> key;
    private final Clock clock;
    private final SecureRandom random;

    /** @param key the signing key; may throw {@link KeyUnavailableException} */
    SignedTokens(Supplier<byte[]> key, Clock clock, SecureRandom random) {
        this.key = key;
        this.clock = clock;
        this.random = random;
    }

    /**
     * @param userId   the canonical user ID
     * @param validity positive; the expiry is truncated to whole seconds
     * @throws KeyUnavailableException if there is no key
     */
    String issue(String userId, Duration validity) {
        byte[] k = key.get();
        byte[] nonce = new byte[TokenFormat.NONCE_BYTES];
        random.nextBytes(nonce);
        long expiresAt = clock.instant().plus(validity).getEpochSecond();
        String signedText = TokenFormat.signedText(new TokenFormat.Payload(userId, expiresAt, nonce));
        return TokenFormat.token(signedText, mac(k, signedText));
    }

    /**
     * Checks form, signature and expiry, in that order: a malformed token is refused without the
     * key, so garbage never needs storage.
     *
     * @throws KeyUnavailableException if the token is well-formed but there is no key to check it
     */
    TokenCheck check(String token) {
        TokenFormat.Parsed parsed;
        try {
            parsed = TokenFormat.parse(token);
        } catch (TokenFormat.MalformedTokenException e) {
            return new TokenCheck.Invalid("malformed token: " + e.getMessage());
        }
        byte[] expected = mac(key.get(), parsed.signedText());
        // Constant time, so the signature cannot be guessed byte by byte from response times.
        if (!MessageDigest.isEqual(expected, parsed.mac())) {
            return new TokenCheck.Invalid("bad token signature (forged, altered, or signed with another key)");
        }
        long expiresAt = parsed.payload().expiresAt();
        if (clock.instant().getEpochSecond() >= expiresAt) {
            return new TokenCheck.Invalid("token of " + parsed.payload().userId() + " expired at " + describe(expiresAt));
        }
        return new TokenCheck.Valid(parsed.payload().userId(), Instant.ofEpochSecond(expiresAt));
    }

    private static String describe(long epochSeconds) {
        try {
            return Instant.ofEpochSecond(epochSeconds).toString();
        } catch (DateTimeException e) {
            return epochSeconds + " (epoch seconds)";
        }
    }

    private static byte[] mac(byte[] key, String signedText) {
        try {
            Mac mac = Mac.getInstance(HMAC); // not thread-safe: one per use
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(signedText.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
