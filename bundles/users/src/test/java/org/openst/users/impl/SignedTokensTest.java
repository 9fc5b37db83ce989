package org.openst.users.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.openst.support.testing.MutableClock;

/** Issue and check with a fixed key and a hand-moved clock. */
class SignedTokensTest {
    private final MutableClock clock = new MutableClock(TestUsers.START);
    private final byte[] key = filled(7);
    private final SignedTokens tokens = new SignedTokens(() -> key, clock, new SecureRandom());

    @Test
    void aTokenIsValidUntilItsExpiryAndNotAtIt() {
        String token = tokens.issue("alice", Duration.ofMinutes(60));
        TokenCheck.Valid valid = assertInstanceOf(TokenCheck.Valid.class, tokens.check(token));
        assertEquals("alice", valid.userId());
        assertEquals(TestUsers.START.plus(Duration.ofMinutes(60)), valid.expiresAt());

        clock.advance(Duration.ofMinutes(60).minusSeconds(1));
        assertInstanceOf(TokenCheck.Valid.class, tokens.check(token));
        clock.advance(Duration.ofSeconds(1));
        TokenCheck.Invalid expired = assertInstanceOf(TokenCheck.Invalid.class, tokens.check(token));
        assertTrue(expired.why().contains("expired at 2030-01-01T01:00:00Z"), expired.why());
    }

    @Test
    void twoTokensOfOneUserInOneSecondDiffer() {
        assertNotEquals(tokens.issue("alice", Duration.ofMinutes(5)), tokens.issue("alice", Duration.ofMinutes(5)));
    }

    @Test
    void aPayloadChangedAfterSigningIsRefused() throws Exception {
        String token = tokens.issue("alice", Duration.ofMinutes(5));
        TokenFormat.Parsed parsed = TokenFormat.parse(token);
        // Extend the expiry by a year and keep the signature.
        String longer = TokenFormat.signedText(new TokenFormat.Payload("alice",
                parsed.payload().expiresAt() + 365L * 24 * 3600, parsed.payload().nonce()));
        String forged = TokenFormat.token(longer, parsed.mac());
        TokenCheck.Invalid invalid = assertInstanceOf(TokenCheck.Invalid.class, tokens.check(forged));
        assertTrue(invalid.why().contains("bad token signature"), invalid.why());
        // Another user's name under alice's signature.
        String bob = TokenFormat.signedText(new TokenFormat.Payload("bob", parsed.payload().expiresAt(),
                parsed.payload().nonce()));
        assertInstanceOf(TokenCheck.Invalid.class, tokens.check(TokenFormat.token(bob, parsed.mac())));
    }

    @Test
    void aChangedSignatureIsRefused() throws Exception {
        String token = tokens.issue("alice", Duration.ofMinutes(5));
        byte[] mac = TokenFormat.parse(token).mac();
        mac[0] ^= 1;
        String altered = token.substring(0, token.lastIndexOf('.') + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
        assertInstanceOf(TokenCheck.Invalid.class, tokens.check(altered));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        SignedTokens other = new SignedTokens(() -> filled(8), clock, new SecureRandom());
        assertInstanceOf(TokenCheck.Invalid.class, tokens.check(other.issue("alice", Duration.ofMinutes(5))));
    }

    @Test
    void garbageIsRefusedWithoutTheKey() {
        SignedTokens keyless = new SignedTokens(() -> {
            throw new KeyUnavailableException("no storage service");
        }, clock, new SecureRandom());
        TokenCheck.Invalid invalid = assertInstanceOf(TokenCheck.Invalid.class, keyless.check("ost1.garbage"));
        assertTrue(invalid.why().startsWith("malformed token"), invalid.why());
        String genuine = tokens.issue("alice", Duration.ofMinutes(5));
        assertThrows(KeyUnavailableException.class, () -> keyless.check(genuine));
    }

    @Test
    void theExpiryIsWholeSecondsInThePayload() throws Exception {
        String token = tokens.issue("alice", Duration.ofSeconds(90).plusMillis(700));
        long expiresAt = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token.split("\\.")[1]), 2 + 5, 8).getLong();
        assertEquals(TestUsers.START.getEpochSecond() + 90, expiresAt);
        assertEquals(expiresAt, TokenFormat.parse(token).payload().expiresAt());
    }

    private static byte[] filled(int value) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) value);
        return k;
    }
}
