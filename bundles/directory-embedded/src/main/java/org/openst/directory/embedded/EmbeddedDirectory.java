package org.openst.directory.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.openst.directory.api.Authentication;
import org.openst.directory.api.Directory;
import org.openst.directory.api.DirectoryGroup;
import org.openst.directory.api.DirectoryUser;
import org.openst.support.config.ConfigGate;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link Directory}: users, display names and password hashes from a text file in the
 * runtime's configuration folder (format: {@link UsersFileFormat}), and public groups from a second
 * file next to it (format: {@link GroupsFileFormat}); both are re-read when they change.
 */
@Component(name = EmbeddedDirectory.PID, configurationPid = EmbeddedDirectory.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = Directory.class, immediate = true)
@Designate(ocd = EmbeddedDirectory.Config.class)
public final class EmbeddedDirectory implements Directory {

    static final String PID = "org.openst.directory.embedded";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDirectory.class);
    static final String HOME_PROPERTY = "openst.home";

    @ObjectClassDefinition(name = "OpenST embedded directory",
            description = "Users, display names and password hashes from a text file; public groups from a second one.")
    @interface Config {
        @AttributeDefinition(name = "Users file", description = "Path of the users file; ${openst.home} is the runtime's "
                + "home folder, and a relative path is taken from there; empty means ${openst.home}/conf/users.conf. "
                + "A change to a file that does not exist is refused.")
        String file() default "${openst.home}/conf/users.conf";

        @AttributeDefinition(name = "Groups file", description = "Path of the public groups file; empty means "
                + "groups.conf in the folder of the users file. ${openst.home} and relative paths as for the users file.")
        String groups_file() default "";

        @AttributeDefinition(name = "Reload check interval (ms)", description = "How often to check whether the file "
                + "changed; 0 turns reloading off.", min = "0")
        long reload_interval_ms() default 2000;
    }

    private final Path home;
    /** The two files of one configuration; swapped as a whole when the configuration changes. */
    private record Stores(UsersFileStore users, GroupsFileStore groups) {
        void close() {
            groups.close();
            users.close();
        }
    }

    private volatile Stores stores;

    @Activate
    public EmbeddedDirectory(BundleContext context, Config config) {
        this(home(context.getProperty(HOME_PROPERTY)), config);
    }

    EmbeddedDirectory(Path home, Config config) {
        this.home = home;
        this.stores = open(new ConfigGate<Config, EmbeddedSettings>(PID, Config.class,
                c -> EmbeddedSettings.from(home, c, false), LOG).initial(config));
    }

    /** The runtime's home: the framework property (which falls back to the system property), else ".". */
    static Path home(String frameworkProperty) {
        String value = frameworkProperty;
        if (value == null || value.isBlank()) {
            value = System.getProperty(HOME_PROPERTY);
        }
        if (value == null || value.isBlank()) {
            value = ".";
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    /** The configured path with {@code ${openst.home}} replaced and made absolute against the home. */
    static Path resolveFile(Path home, String configured) {
        String text = configured == null || configured.isBlank() ? "${openst.home}/conf/users.conf" : configured.strip();
        text = text.replace("${" + HOME_PROPERTY + "}", home.toString());
        return home.resolve(text).normalize();
    }

    /** The groups file: the configured path, or {@code groups.conf} next to the users file. */
    static Path resolveGroupsFile(Path home, Path usersFile, String configured) {
        if (configured == null || configured.isBlank()) {
            return usersFile.resolveSibling("groups.conf");
        }
        return resolveFile(home, configured);
    }

    private static Stores open(EmbeddedSettings settings) {
        UsersFileStore users = new UsersFileStore(settings.usersFile());
        users.start(settings.reloadInterval()); // first, so the groups can be checked against the users
        GroupsFileStore groups = new GroupsFileStore(settings.groupsFile(), users::snapshot);
        groups.start(settings.reloadInterval());
        return new Stores(users, groups);
    }

    /**
     * Opens the files of a changed configuration and then lets the old ones go. A bad value, or a
     * users file that is not there, is refused (logged) and the old files stay in use.
     */
    @Modified
    void modified(Config config) {
        new ConfigGate<Config, EmbeddedSettings>(PID, Config.class, c -> EmbeddedSettings.from(home, c, true), LOG)
                .next(config).ifPresent(next -> {
                    Stores old = stores;
                    stores = open(next);
                    old.close();
                });
    }

    @Deactivate
    void deactivate() {
        stores.close();
    }

    /** Checks both files now (tests; the poller does this every reload interval). */
    void reloadNow() {
        Stores s = stores;
        s.users().reloadIfChanged();
        s.groups().reloadIfChanged();
    }

    /** The users file of the configuration in force (the shell command edits it). */
    Path usersFile() {
        return stores.users().file();
    }

    private UserSnapshot users() {
        UserSnapshot snapshot = stores.users().snapshot();
        return snapshot == null ? UserSnapshot.EMPTY : snapshot;
    }

    @Override
    public Authentication authenticate(String loginName, String password) {
        UsersFileStore s = stores.users();
        UserSnapshot snapshot = s.snapshot();
        if (snapshot == null) {
            return new Authentication.Unavailable("users file " + s.file() + " could not be read");
        }
        Optional<UserEntry> found = snapshot.entry(loginName);
        if (found.isEmpty()) {
            snapshot.decoy().matches(password == null || password.isEmpty() ? "-" : password); // cost of a real check
            return new Authentication.Refused(Authentication.Reason.UNKNOWN_USER);
        }
        UserEntry entry = found.get();
        if (!entry.password().matches(password)) {
            return new Authentication.Refused(Authentication.Reason.WRONG_PASSWORD);
        }
        if (entry.disabled()) {
            return new Authentication.Refused(Authentication.Reason.DISABLED);
        }
        return new Authentication.Success(new DirectoryUser(entry.userId(), entry.displayName(), entry.description()));
    }

    @Override
    public Optional<DirectoryUser> findUser(String userId) {
        return users().findEnabled(userId);
    }

    @Override
    public List<DirectoryUser> resolve(String name, int maxResults) {
        return users().resolve(name, maxResults);
    }

    @Override
    public List<DirectoryGroup> findGroups(String name, int maxResults) {
        return stores.groups().snapshot().find(name, maxResults);
    }

    @Override
    public List<DirectoryUser> groupMembers(String groupId) {
        Stores s = stores;
        return s.groups().snapshot().members(groupId, s.users().snapshot());
    }

    @Override
    public List<DirectoryUser> search(String query, int offset, int maxResults) {
        return users().search(query, offset, maxResults);
    }

    @Override
    public String describe() {
        Stores s = stores;
        UserSnapshot snapshot = s.users().snapshot();
        return "embedded file " + s.users().file() + (snapshot == null ? " (unreadable)"
                : " (" + snapshot.size() + " users, " + s.groups().snapshot().size() + " groups)");
    }
}
