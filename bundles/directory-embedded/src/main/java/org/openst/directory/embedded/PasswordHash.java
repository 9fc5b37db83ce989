package org.openst.directory.embedded;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 password hash, written {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}
 * with salt and hash in standard Base64 (with or without padding).
 *
 * <p>The iteration count is kept per hash so cheap hashes (benchmarks) and expensive ones
 * (production) can live in one file, and the cost can be raised later without invalidating old
 * entries.
 */
final class PasswordHash {

    static final String SCHEME = "pbkdf2-sha256";
    /**
     * What the tool writes by default. OWASP (2023) recommends 600,000 for PBKDF2-HMAC-SHA256, but
     * every login pays it on the hub's few authentication threads (about half a second each at
     * 600,000 on this project's machines), so the whole community reconnecting after a restart
     * would wait minutes. 100,000 keeps a login near 0.1 s; raise it per user with --iterations.
     */
    static final int DEFAULT_ITERATIONS = 100_000;
    static final int MAX_ITERATIONS = 100_000_000;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    // Limits on what a file may contain; the lower bounds refuse hashes that offer no protection.
    static final int MIN_SALT_BYTES = 8;
    static final int MIN_HASH_BYTES = 16;
    static final int MAX_BYTES = 512;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes a password with a fresh random salt. */
    static PasswordHash create(char[] password, int iterations, SecureRandom random) {
        Objects.requireNonNull(password, "password");
        checkIterations(iterations);
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations, HASH_BYTES));
    }

    /**
     * Parses the text form.
     *
     * @throws IllegalArgumentException with a message fit for an administrator
     */
    static PasswordHash parse(String text) {
        String[] parts = text.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("password hash must look like " + SCHEME + "$<iterations>$<salt>$<hash>");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("password hash iteration count '" + parts[1] + "' is not a number");
        }
        checkIterations(iterations);
        byte[] salt = decode("salt", parts[2], MIN_SALT_BYTES);
        byte[] hash = decode("hash", parts[3], MIN_HASH_BYTES);
        return new PasswordHash(iterations, salt, hash);
    }

    private static void checkIterations(int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("password hash iteration count must be 1.." + MAX_ITERATIONS + ", not " + iterations);
        }
    }

    private static byte[] decode(String what, String b64, int minBytes) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("password hash " + what + " is not valid Base64");
        }
        if (bytes.length < minBytes || bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("password hash " + what + " must be " + minBytes + ".." + MAX_BYTES
                    + " bytes, not " + bytes.length);
        }
        return bytes;
    }

    /** Whether the password matches, compared in constant time. */
    boolean matches(String password) {
        if (password == null || password.isEmpty()) {
            return false; // never stored (the tool refuses empty passwords)
        }
        char[] chars = password.toCharArray();
        try {
            return MessageDigest.isEqual(hash, derive(chars, salt, iterations, hash.length));
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    int iterations() {
        return iterations;
    }

    /** The text form. */
    String encode() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    @Override
    public String toString() {
        return SCHEME + "$" + iterations + "$...";
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Every Java SE 8+ runtime must provide PBKDF2WithHmacSHA256.
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** A stand-in used for unknown users so that they cost as much time as known ones. */
    static PasswordHash decoy(int iterations) {
        byte[] salt = "openst-decoy-salt".getBytes(StandardCharsets.US_ASCII);
        return new PasswordHash(iterations, salt, new byte[HASH_BYTES]);
    }
}
