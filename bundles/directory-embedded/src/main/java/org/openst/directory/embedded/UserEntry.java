package org.openst.directory.embedded;

import java.util.Locale;
import java.util.Objects;

/**
 * One line of a users file.
 *
 * @param userId      the canonical user ID as written in the file
 * @param displayName never empty
 * @param description may be empty
 * @param password    the salted hash
 * @param disabled    whether the hash field was prefixed with {@code !} (the account may not log in)
 */
record UserEntry(String userId, String displayName, String description, PasswordHash password, boolean disabled) {

    UserEntry {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(password, "password");
        description = description == null ? "" : description;
    }

    /** The key login names and user IDs are matched on. */
    static String key(String userIdOrLoginName) {
        return userIdOrLoginName.toLowerCase(Locale.ROOT);
    }

    /** The line as {@link UsersFileFormat} writes it. */
    String toLine() {
        String line = userId + "\t" + (disabled ? "!" : "") + password.encode() + "\t" + displayName;
        return description.isEmpty() ? line : line + "\t" + description;
    }
}
