package org.openst.directory.api;

import java.util.Objects;

/**
 * A user as the directory knows it.
 *
 * @param userId      the persistent, community-unique user ID (seed, "Persistent User Data")
 * @param displayName the name other users see; never null, may equal the user ID
 * @param description free text about the user; never null, may be empty
 */
public record DirectoryUser(String userId, String displayName, String description) {
    public DirectoryUser {
        Objects.requireNonNull(userId, "userId");
        if (userId.isEmpty()) {
            throw new IllegalArgumentException("userId must not be empty");
        }
        displayName = displayName == null || displayName.isEmpty() ? userId : displayName;
        description = description == null ? "" : description;
    }
}
