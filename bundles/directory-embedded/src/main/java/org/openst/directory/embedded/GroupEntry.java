package org.openst.directory.embedded;

import java.util.List;
import java.util.Objects;

/**
 * One line of a groups file.
 *
 * @param groupId     the group ID as written in the file
 * @param displayName never empty
 * @param description may be empty
 * @param memberIds   the member user IDs as written, in file order, without duplicates (ignoring case)
 */
record GroupEntry(String groupId, String displayName, String description, List<String> memberIds) {

    GroupEntry {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(displayName, "displayName");
        description = description == null ? "" : description;
        memberIds = List.copyOf(memberIds);
    }
}
