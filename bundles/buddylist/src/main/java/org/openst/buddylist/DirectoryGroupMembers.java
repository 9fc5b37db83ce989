package org.openst.buddylist;

import java.util.List;
import java.util.function.Supplier;

import org.openst.directory.api.Directory;
import org.openst.directory.api.DirectoryUser;

/** {@link GroupMembers} from whichever {@link Directory} is bound now (none: no groups). */
final class DirectoryGroupMembers implements GroupMembers {
    private final Supplier<Directory> directory;

    DirectoryGroupMembers(Supplier<Directory> directory) {
        this.directory = directory;
    }

    @Override
    public List<String> memberIds(String groupId) {
        Directory d = directory.get();
        if (d == null) {
            return List.of();
        }
        return d.groupMembers(groupId).stream().map(DirectoryUser::userId).toList();
    }
}
