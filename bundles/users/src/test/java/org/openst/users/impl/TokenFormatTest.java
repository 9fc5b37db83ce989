package org.openst.users.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The token text layout alone (no key). */
class TokenFormatTest {
    private static final byte[] NONCE = new byte[TokenFormat.NONCE_BYTES];
    private static final byte[] MAC = new byte[TokenFormat.MAC_BYTES];

    @Test
    void roundTripsUserExpiryAndNonce() throws Exception {
        byte[] nonce = new byte[TokenFormat.NONCE_BYTES];
        nonce[3] = 42;
        String text = TokenFormat.signedText(new TokenFormat.Payload("zoë@example", 1_893_456_000L, nonce));
        TokenFormat.Parsed parsed = TokenFormat.parse(TokenFormat.token(text, MAC));
        assertEquals("zoë@example", parsed.payload().userId());
        assertEquals(1_893_456_000L, parsed.payload().expiresAt());
        assertArrayEquals(nonce, parsed.payload().nonce());
        assertEquals(text, parsed.signedText());
        assertEquals(Instant.ofEpochSecond(1_893_456_000L), TokenFormat.claimedExpiry(TokenFormat.token(text, MAC)).orElseThrow());
    }

    @Test
    void usesOnlyUrlSafeCharactersAndThePrefix() {
        String token = TokenFormat.token(TokenFormat.signedText(new TokenFormat.Payload("alice", 1L, NONCE)), MAC);
        assertTrue(token.startsWith("ost1."));
        assertTrue(token.matches("ost1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}"), token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice-pw", "ost1.", "ost1.abc", "ost1.a.b.c", "ost1.!!!!.AAAA", "OST1.AAAA.AAAA",
            "ost2.AAAA.AAAA"})
    void refusesWhatIsNotAToken(String text) {
        assertThrows(TokenFormat.MalformedTokenException.class, () -> TokenFormat.parse(text));
    }

    @Test
    void refusesPaddingAndOtherSecondSpellings() {
        String token = TokenFormat.token(TokenFormat.signedText(new TokenFormat.Payload("alice", 1L, NONCE)), MAC);
        assertThrows(TokenFormat.MalformedTokenException.class, () -> TokenFormat.parse(token + "="));
        // The last character of a 43-character signature carries 2 unused bits: setting one is another spelling.
        String sigLast = token.substring(0, token.length() - 1) + "B";
        assertThrows(TokenFormat.MalformedTokenException.class, () -> TokenFormat.parse(sigLast));
    }

    @Test
    void refusesOverlongInputBeforeDecoding() {
        String huge = "ost1." + "A".repeat(TokenFormat.MAX_TOKEN_CHARS) + ".A";
        TokenFormat.MalformedTokenException e = assertThrows(TokenFormat.MalformedTokenException.class,
                () -> TokenFormat.parse(huge));
        assertTrue(e.getMessage().contains("longer than"));
    }

    @Test
    void theLongestUserIdStillFitsTheLengthLimitTheReadmeStates() throws Exception {
        assertEquals(1449, TokenFormat.MAX_TOKEN_CHARS);
        String longest = "u".repeat(TokenFormat.MAX_USER_ID_BYTES);
        String token = TokenFormat.token(TokenFormat.signedText(new TokenFormat.Payload(longest, 1L, NONCE)), MAC);
        assertEquals(TokenFormat.MAX_TOKEN_CHARS, token.length());
        assertEquals(longest, TokenFormat.parse(token).payload().userId());
    }

    @Test
    void refusesEmptyAndOverlongUserIds() {
        assertThrows(IllegalArgumentException.class, () -> TokenFormat.signedText(new TokenFormat.Payload("", 1L, NONCE)));
        assertThrows(IllegalArgumentException.class, () -> TokenFormat.signedText(
                new TokenFormat.Payload("x".repeat(TokenFormat.MAX_USER_ID_BYTES + 1), 1L, NONCE)));
    }

    @Test
    void aPasswordOnlyLooksLikeATokenWithThePrefix() {
        assertTrue(TokenFormat.looksLikeToken("ost1.anything"));
        assertFalse(TokenFormat.looksLikeToken("alice-pw"));
        assertFalse(TokenFormat.looksLikeToken(null));
    }
}
