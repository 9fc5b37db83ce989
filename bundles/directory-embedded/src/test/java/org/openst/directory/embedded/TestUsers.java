package org.openst.directory.embedded;

import java.lang.annotation.Annotation;
import java.security.SecureRandom;

/** Helpers shared by the tests: cheap hashes and hand-made configurations. */
final class TestUsers {

    /** Cheap on purpose; the iteration count is per entry. */
    static final int ITERATIONS = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestUsers() {
    }

    static String hash(String password) {
        return PasswordHash.create(password.toCharArray(), ITERATIONS, RANDOM).encode();
    }

    static String line(String userId, String password, String displayName, String description) {
        String line = userId + "\t" + hash(password) + "\t" + displayName;
        return description == null ? line : line + "\t" + description;
    }

    static EmbeddedDirectory.Config config(String file, long reloadIntervalMs) {
        return config(file, "", reloadIntervalMs);
    }

    static EmbeddedDirectory.Config config(String file, String groupsFile, long reloadIntervalMs) {
        return new EmbeddedDirectory.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return EmbeddedDirectory.Config.class;
            }

            @Override
            public String file() {
                return file;
            }

            @Override
            public String groups_file() {
                return groupsFile;
            }

            @Override
            public long reload_interval_ms() {
                return reloadIntervalMs;
            }
        };
    }
}
