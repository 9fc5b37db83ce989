package org.openst.users.impl;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import org.openst.directory.api.Directory;
import org.openst.storage.api.ConfigRecords;
import org.openst.support.testing.MutableClock;

/** Builds the component as DS would, without OSGi: constructor, then the bound references. */
final class TestUsers {
    static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    private TestUsers() {
    }

    /** @param directory null leaves the reference unbound; likewise {@code records} */
    static UsersAuthority authority(TestConfig config, MutableClock clock, Directory directory, ConfigRecords records) {
        UsersAuthority authority = new UsersAuthority(config, clock, new SecureRandom());
        if (directory != null) {
            authority.bindDirectory(directory);
        }
        if (records != null) {
            authority.bindConfigRecords(records);
        }
        return authority;
    }

    static String base64Key(int fill, int length) {
        byte[] key = new byte[length];
        Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }
}
