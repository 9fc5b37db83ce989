package org.openst.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.openst.bench.load.Users;

/**
 * Writes the embedded directory's users file (format: bundles/directory-embedded/README.md) with
 * the benchmark's users: {@code userId TAB pbkdf2-sha256$<iterations>$<salt>$<hash> TAB name}.
 *
 * <p>The hash is the one {@code bin/openst-user} writes (PBKDF2WithHmacSHA256, 16-byte random
 * salt, 32-byte hash) with a low iteration count: the format carries the count per entry, and
 * 100,000 iterations (the tool's default) would make every login cost tens of milliseconds of
 * CPU, which measures the password policy rather than the hub.
 */
final class UsersFile {
    private UsersFile() {
    }

    static void write(Path file, int count, int iterations) throws IOException {
        SecureRandom random = new SecureRandom();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# Benchmark users u00000.. (password pw-<user id>), PBKDF2 with " + iterations + " iteration(s).\n");
            for (int i = 0; i < count; i++) {
                String id = Users.id(i);
                w.write(id + "\t" + hash(Users.password(id), iterations, random) + "\t" + Users.displayName(i) + "\n");
            }
        }
    }

    static String hash(String password, int iterations, SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
            return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 missing", e);
        }
    }
}
