package org.openst.directory.embedded;

import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the latest good {@link UserSnapshot} of one users file and re-reads the file when it
 * changes ({@link WatchedFile}). A file that goes missing or bad keeps the users read before:
 * losing every account because of an editing accident would be worse than a stale entry.
 */
final class UsersFileStore extends WatchedFile {

    private static final Logger LOG = LoggerFactory.getLogger(UsersFileStore.class);

    private volatile UserSnapshot snapshot; // null until the file has been read once

    UsersFileStore(Path file) {
        super(file);
    }

    /** The latest good snapshot, or null if the file could never be read. */
    UserSnapshot snapshot() {
        return snapshot;
    }

    @Override
    void afterFirstRead() {
        if (snapshot == null) {
            LOG.warn("No users: {} could not be read; logins will be refused as 'directory unavailable' until it can",
                    file());
        }
    }

    @Override
    void loaded(List<String> lines) {
        UsersFileFormat.Result result = UsersFileFormat.parse(lines);
        for (UsersFileFormat.Problem p : result.problems()) {
            LOG.warn("{} (line skipped)", p.describe(file().toString()));
        }
        snapshot = new UserSnapshot(result.entries());
        LOG.info("Loaded {} users from {}{}", result.entries().size(), file(),
                result.problems().isEmpty() ? "" : " (" + result.problems().size() + " bad lines skipped)");
    }

    @Override
    void failed(String why, boolean missing) {
        UserSnapshot current = snapshot;
        if (current == null) {
            LOG.error("Users file {} is {}; no users loaded", file(), why);
        } else {
            LOG.error("Users file {} is {}; keeping the {} users read before", file(), why, current.size());
        }
    }
}
