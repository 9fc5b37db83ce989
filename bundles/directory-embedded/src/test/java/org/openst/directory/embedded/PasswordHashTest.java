package org.openst.directory.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void hashAndVerify() {
        PasswordHash h = PasswordHash.create("s3cret ünïcode".toCharArray(), 1000, random);
        assertTrue(h.matches("s3cret ünïcode"));
        assertFalse(h.matches("s3cret unicode"));
        assertFalse(h.matches(""));
        assertFalse(h.matches(null));
    }

    @Test
    void textFormHasSchemeIterationsSaltAndHash() {
        String text = PasswordHash.create("pw".toCharArray(), 1234, random).encode();
        String[] parts = text.split("\\$");
        assertEquals(4, parts.length);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals("1234", parts[1]);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
    }

    @Test
    void parsedHashVerifiesAndKeepsItsIterationCount() {
        String text = PasswordHash.create("pw".toCharArray(), 777, random).encode();
        PasswordHash parsed = PasswordHash.parse(text);
        assertEquals(777, parsed.iterations());
        assertTrue(parsed.matches("pw"));
        assertEquals(text, parsed.encode());
    }

    @Test
    void saltIsRandom() {
        assertNotEquals(PasswordHash.create("pw".toCharArray(), 10, random).encode(),
                PasswordHash.create("pw".toCharArray(), 10, random).encode());
    }

    @Test
    void paddedBase64IsAccepted() {
        String[] parts = PasswordHash.create("pw".toCharArray(), 10, random).encode().split("\\$");
        Base64.Encoder padded = Base64.getEncoder();
        String text = parts[0] + "$" + parts[1] + "$" + padded.encodeToString(Base64.getDecoder().decode(parts[2])) + "$"
                + padded.encodeToString(Base64.getDecoder().decode(parts[3]));
        assertTrue(PasswordHash.parse(text).matches("pw"));
    }

    /** A hash made by another implementation verifies: the format is plain PBKDF2-HMAC-SHA256. */
    @Test
    void knownAnswer() {
        String salt = Base64.getEncoder().encodeToString("saltsalt".getBytes());
        // Computed independently with Python: hashlib.pbkdf2_hmac('sha256', b'passwd', b'saltsalt', 1, 32)
        String hash = "lDmP6RuFMH8YWoefiEoq4eTqKXQV5Oep0voixqMnpBw=";
        assertTrue(PasswordHash.parse("pbkdf2-sha256$1$" + salt + "$" + hash).matches("passwd"));
    }

    @Test
    void refusesOtherSchemes() {
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("md5$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("plain-password"));
    }

    @Test
    void refusesBadIterationCounts() {
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("pbkdf2-sha256$0$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("pbkdf2-sha256$ten$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"));
    }

    @Test
    void refusesBadBase64AndShortSaltsOrHashes() {
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("pbkdf2-sha256$1$!!!$aGFzaGhhc2hoYXNoaGFzaA"));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("pbkdf2-sha256$1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA"));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("pbkdf2-sha256$1$c2FsdHNhbHQ$aGFzaA"));
    }
}
