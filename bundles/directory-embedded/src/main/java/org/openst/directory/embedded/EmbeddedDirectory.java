package org.openst.directory.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.openst.directory.api.Authentication;
import org.openst.directory.api.Directory;
import org.openst.directory.api.DirectoryUser;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The default {@link Directory}: users, display names and password hashes from a text file in the
 * runtime's configuration folder (format: {@link UsersFileFormat}), re-read when it changes.
 */
@Component(name = EmbeddedDirectory.PID, configurationPid = EmbeddedDirectory.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = Directory.class, immediate = true)
@Designate(ocd = EmbeddedDirectory.Config.class)
public final class EmbeddedDirectory implements Directory {

    static final String PID = "org.openst.directory.embedded";
    static final String HOME_PROPERTY = "openst.home";

    @ObjectClassDefinition(name = "OpenST embedded directory",
            description = "Users, display names and password hashes from a text file.")
    @interface Config {
        @AttributeDefinition(name = "Users file", description = "Path of the users file; ${openst.home} is the runtime's "
                + "home folder, and a relative path is taken from there.")
        String file() default "${openst.home}/conf/users.conf";

        @AttributeDefinition(name = "Reload check interval (ms)", description = "How often to check whether the file "
                + "changed; 0 turns reloading off.", min = "0")
        long reload_interval_ms() default 2000;

        @AttributeDefinition(name = "Service ranking", description = "The highest-ranked Directory service wins.")
        int service_ranking() default 0;
    }

    private final Path home;
    private volatile UsersFileStore store;

    @Activate
    public EmbeddedDirectory(BundleContext context, Config config) {
        this(home(context.getProperty(HOME_PROPERTY)), config);
    }

    EmbeddedDirectory(Path home, Config config) {
        this.home = home;
        this.store = open(config);
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

    private UsersFileStore open(Config config) {
        UsersFileStore s = new UsersFileStore(resolveFile(home, config.file()));
        s.start(Duration.ofMillis(config.reload_interval_ms()));
        return s;
    }

    @Modified
    void modified(Config config) {
        UsersFileStore old = store;
        store = open(config);
        old.close();
    }

    @Deactivate
    void deactivate() {
        store.close();
    }

    @Override
    public Authentication authenticate(String loginName, String password) {
        UsersFileStore s = store;
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
        UserSnapshot snapshot = store.snapshot();
        return snapshot == null ? Optional.empty() : snapshot.findEnabled(userId);
    }

    @Override
    public List<DirectoryUser> resolve(String name, int maxResults) {
        UserSnapshot snapshot = store.snapshot();
        return (snapshot == null ? UserSnapshot.EMPTY : snapshot).resolve(name, maxResults);
    }

    @Override
    public String describe() {
        UsersFileStore s = store;
        UserSnapshot snapshot = s.snapshot();
        return "embedded file " + s.file() + (snapshot == null ? " (unreadable)" : " (" + snapshot.size() + " users)");
    }
}
