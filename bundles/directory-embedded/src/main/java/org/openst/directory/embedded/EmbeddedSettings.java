package org.openst.directory.embedded;

import static org.openst.support.config.ConfigChecks.atLeast;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openst.support.config.InvalidConfigException;

/**
 * The embedded directory's configuration, validated (keys: {@link EmbeddedDirectory.Config}),
 * with the paths resolved against the runtime's home.
 *
 * @param usersFile      the users file
 * @param groupsFile     the public groups file
 * @param reloadInterval how often to check the files for changes; zero: never
 */
record EmbeddedSettings(Path usersFile, Path groupsFile, Duration reloadInterval) {

    /**
     * @param requireFile whether the users file must exist: a change to a file that is not there
     *                    is refused (the users of the old one stay), while at activation a missing
     *                    file means "unavailable until it appears"
     */
    static EmbeddedSettings from(Path home, EmbeddedDirectory.Config c, boolean requireFile) {
        long reloadMs = atLeast("reload.interval.ms", c.reload_interval_ms(), 0L);
        Path users = EmbeddedDirectory.resolveFile(home, c.file());
        if (requireFile && !Files.isRegularFile(users)) {
            throw new InvalidConfigException("file", "names no file: " + users);
        }
        if (requireFile && c.groups_file() != null && !c.groups_file().isBlank()
                && !Files.isRegularFile(EmbeddedDirectory.resolveFile(home, c.groups_file()))) {
            throw new InvalidConfigException("groups.file", "names no file: "
                    + EmbeddedDirectory.resolveFile(home, c.groups_file()));
        }
        return new EmbeddedSettings(users, EmbeddedDirectory.resolveGroupsFile(home, users, c.groups_file()),
                Duration.ofMillis(reloadMs));
    }
}
