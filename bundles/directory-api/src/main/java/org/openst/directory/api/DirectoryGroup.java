package org.openst.directory.api;

import java.util.Objects;

/**
 * A public group as the directory knows it: a named list of users that any user may look up and
 * add to a contact list (seed, "Directory": "receive the content of a public group"; spec §6.2.4).
 *
 * @param groupId     the persistent, community-unique group ID; never empty
 * @param displayName the name users see; never null, defaults to the group ID
 * @param description free text about the group; never null, may be empty
 */
public record DirectoryGroup(String groupId, String displayName, String description) {
    public DirectoryGroup {
        Objects.requireNonNull(groupId, "groupId");
        if (groupId.isEmpty()) {
            throw new IllegalArgumentException("groupId must not be empty");
        }
        displayName = displayName == null || displayName.isEmpty() ? groupId : displayName;
        description = description == null ? "" : description;
    }
}
