package org.openst.resolve;

import org.openst.directory.api.DirectoryGroup;
import org.openst.directory.api.DirectoryUser;

/**
 * One match of a resolve result (spec §6.5): {@code str id, str name, str desc, u32 type}.
 *
 * @param type {@link #USER} or {@link #GROUP}
 */
record ResolveMatch(String id, String name, String description, int type) {
    static final int USER = 0x00000001;
    static final int GROUP = 0x00000002;

    static ResolveMatch of(DirectoryUser user) {
        return new ResolveMatch(user.userId(), user.displayName(), user.description(), USER);
    }

    static ResolveMatch of(DirectoryGroup group) {
        return new ResolveMatch(group.groupId(), group.displayName(), group.description(), GROUP);
    }
}
