package org.openst.directory.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the latest {@link GroupSnapshot} of the public groups file, re-read when it changes
 * ({@link WatchedFile}). Groups are optional: a missing file means "no public groups" (INFO), not
 * an error; a file that becomes unreadable or invalid keeps the groups read before (ERROR).
 */
final class GroupsFileStore extends WatchedFile {

    private static final Logger LOG = LoggerFactory.getLogger(GroupsFileStore.class);

    private final Supplier<UserSnapshot> users;
    private volatile GroupSnapshot snapshot = GroupSnapshot.EMPTY;

    /**
     * @param file  the groups file
     * @param users the current users, to report members the users file does not know at load
     */
    GroupsFileStore(Path file, Supplier<UserSnapshot> users) {
        super(file);
        this.users = users;
    }

    /** The latest groups; empty when there is no groups file. Never null. */
    GroupSnapshot snapshot() {
        return snapshot;
    }

    @Override
    void loaded(List<String> lines) {
        GroupsFileFormat.Result result = GroupsFileFormat.parse(lines);
        for (UsersFileFormat.Problem p : result.problems()) {
            LOG.warn("{} (line skipped)", p.describe(file().toString()));
        }
        warnUnknownMembers(result.groups());
        snapshot = new GroupSnapshot(result.groups());
        LOG.info("Loaded {} groups from {}{}", result.groups().size(), file(),
                result.problems().isEmpty() ? "" : " (" + result.problems().size() + " bad lines skipped)");
    }

    /**
     * Members are kept even when unknown: the users file is reloaded on its own, and a member added
     * there later appears in the group without touching this file.
     */
    private void warnUnknownMembers(List<GroupEntry> groups) {
        UserSnapshot known = users.get();
        if (known == null) {
            return; // the users file could not be read: that is already reported, and every member would look unknown
        }
        for (GroupEntry g : groups) {
            List<String> unknown = new ArrayList<>();
            for (String member : g.memberIds()) {
                if (known.findEnabled(member).isEmpty()) {
                    unknown.add(member);
                }
            }
            if (!unknown.isEmpty()) {
                LOG.warn("{}: group '{}' lists unknown or disabled users {}; they are left out of the group",
                        file(), g.groupId(), unknown);
            }
        }
    }

    @Override
    void failed(String why, boolean missing) {
        if (missing) {
            snapshot = GroupSnapshot.EMPTY;
            LOG.info("Groups file {} is missing; no public groups", file());
        } else {
            LOG.error("Groups file {} is {}; keeping the {} groups read before", file(), why, snapshot.size());
        }
    }
}
