package org.openst.buddylist;

import java.util.List;

/**
 * Who belongs to a public group (spec §6.2.4, seed "Directory: group contents"). May block (a
 * directory round trip): the service calls it on its look-up executor only, never on a network
 * thread.
 */
@FunctionalInterface
interface GroupMembers {
    /** Knows no groups. */
    GroupMembers NONE = groupId -> List.of();

    /** The member user IDs of a group; empty when the group is unknown. */
    List<String> memberIds(String groupId);
}
