package org.openst.users.impl;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.openst.directory.api.Authentication;
import org.openst.directory.api.Directory;
import org.openst.directory.api.DirectoryUser;
import org.openst.hub.api.LoginAttempt;
import org.openst.hub.api.LoginAuthority;
import org.openst.hub.api.LoginDecision;
import org.openst.protocol.ErrorCode;
import org.openst.storage.api.ConfigRecords;
import org.openst.support.config.ConfigGate;
import org.openst.users.api.LoginTokens;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users application (seed: "logs in users via password or token; creates tokens for users upon
 * request"): the hub's {@link LoginAuthority} and the {@link LoginTokens} service, one component so
 * that issuing and checking share one configuration and one cached signing key.
 *
 * <p>Both references are dynamic, optional and greedy: an administrator swaps directory or storage
 * bundles at run time without this component (and so every login in progress) restarting. Without
 * a directory, password and token logins get {@code VERIFICATION_DOWN}; without storage (and no
 * configured {@code .token.key}), only token logins do. Decisions follow spec §7.3: unknown user and
 * wrong password look the same to the client.
 */
@Component(name = UsersAuthority.PID, configurationPid = UsersAuthority.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = {LoginAuthority.class, LoginTokens.class},
        immediate = true)
@Designate(ocd = UsersAuthority.Config.class)
public final class UsersAuthority implements LoginAuthority, LoginTokens {

    static final String PID = "org.openst.users";

    private static final Logger LOG = LoggerFactory.getLogger(UsersAuthority.class);

    @ObjectClassDefinition(name = "OpenST users",
            description = "Password, token and guest logins for the hub, and login tokens.")
    @interface Config {
        @AttributeDefinition(name = "Guests enabled", description = "Let clients with an empty login name in as "
                + "anonymous guests.")
        boolean guests_enabled() default false;

        @AttributeDefinition(name = "Guest name", description = "Display name of a guest that sends no name of its "
                + "own (a guest's password is the name it wants); at most 64 characters, empty means Guest.")
        String guest_name() default UsersSettings.DEFAULT_GUEST_NAME;

        @AttributeDefinition(name = "Guest services", description = "Service types guests may open channels to, hex "
                + "(0x1000) or decimal; others are refused with ERR_NOT_AUTHORIZED. Default: IM, awareness, "
                + "resolve, conference, place.")
        String[] guests_services() default {"0x1000", "0x11", "0x15", "0x80000010", "0x80000022"};

        @AttributeDefinition(name = "Token validity (minutes)", description = "Validity of a token when whoever "
                + "asks for one does not say; at most the maximum validity.", min = "1", max = "5256000")
        long token_validity_minutes() default 60;

        @AttributeDefinition(name = "Maximum token validity (minutes)", description = "Longer validities are "
                + "refused; at most ten years.", min = "1", max = "5256000")
        long token_max_validity_minutes() default 1440;

        /**
         * Key {@code .token.key}: the leading dot makes it a private component property, which DS
         * does not copy into the service properties, so the secret is not published in the registry.
         */
        @AttributeDefinition(name = "Token signing key", type = AttributeType.PASSWORD, description = "Base64, at "
                + "least 32 bytes. Empty: a key generated once and kept in storage (shared by every hub on the "
                + "same database). Set it to give several hubs one key by file.")
        String _token_key() default "";
    }

    private final ConfigGate<Config, UsersSettings> gate = new ConfigGate<>(PID, Config.class,
            UsersSettings::from, LOG);

    private final AtomicReference<Directory> directory = new AtomicReference<>();
    private final SigningKeySource keys;
    private final SignedTokens tokens;
    private volatile UsersSettings settings;

    @Activate
    public UsersAuthority(Config config) {
        this(config, Clock.systemUTC(), new SecureRandom());
    }

    /** A refused configuration (logged) starts the authority on the built-in defaults. */
    UsersAuthority(Config config, Clock clock, SecureRandom random) {
        UsersSettings s = gate.initial(config);
        settings = s;
        keys = new SigningKeySource(random);
        keys.configure(s.tokenKey());
        tokens = new SignedTokens(keys::key, clock, random);
        LOG.info("{}: started; {}", PID, describe(s));
    }

    /** Applies a changed configuration; a bad one is refused and the old one stays in force. */
    @Modified
    void modified(Config config) {
        gate.next(config).ifPresent(next -> {
            settings = next;
            keys.configure(next.tokenKey());
            LOG.info("{}: configuration applied; {}", PID, describe(next));
        });
    }

    // ---------------------------------------------------------------- dynamic references

    /** DS greedy: a higher-ranked directory is bound before the old one is unbound. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDirectory(Directory d) {
        directory.set(d);
        LOG.info("{}: logins checked against directory {}", PID, describe(d));
    }

    void unbindDirectory(Directory d) {
        if (directory.compareAndSet(d, null)) {
            LOG.warn("{}: directory {} went away: password and token logins are refused with VERIFICATION_DOWN "
                    + "until another appears", PID, describe(d));
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindConfigRecords(ConfigRecords records) {
        keys.storageAdded(records);
    }

    void unbindConfigRecords(ConfigRecords records) {
        keys.storageRemoved(records);
    }

    // ---------------------------------------------------------------- LoginAuthority

    @Override
    public LoginDecision authenticate(LoginAttempt attempt) {
        try {
            if (attempt.loginName().isEmpty()) {
                return GuestLogins.decide(attempt, settings);
            }
            return attempt.kind() == LoginAttempt.SecretKind.TOKEN ? tokenLogin(attempt) : passwordLogin(attempt);
        } catch (RuntimeException e) {
            // Never throw at the hub: a bug here must not look like anything but "verification down".
            LOG.warn("{}: login of '{}' failed unexpectedly", PID, attempt.loginName(), e);
            return new LoginDecision.Refused(ErrorCode.VERIFICATION_DOWN, "users authority failed: " + e);
        }
    }

    private LoginDecision tokenLogin(LoginAttempt attempt) {
        TokenCheck check;
        try {
            check = tokens.check(attempt.secret());
        } catch (KeyUnavailableException e) {
            return new LoginDecision.Refused(ErrorCode.VERIFICATION_DOWN, e.getMessage());
        }
        if (check instanceof TokenCheck.Invalid invalid) {
            return new LoginDecision.Refused(ErrorCode.INCORRECT_LOGIN, invalid.why());
        }
        return tokenUser(attempt, (TokenCheck.Valid) check);
    }

    /** A genuine token: it must be the login name's, and its user must still be in the directory. */
    private LoginDecision tokenUser(LoginAttempt attempt, TokenCheck.Valid token) {
        if (!token.userId().equalsIgnoreCase(attempt.loginName())) {
            return new LoginDecision.Refused(ErrorCode.INCORRECT_LOGIN, "token of " + token.userId()
                    + " presented as " + attempt.loginName());
        }
        Directory d = directory.get();
        if (d == null) {
            return new LoginDecision.Refused(ErrorCode.VERIFICATION_DOWN, "no directory service to check token user "
                    + token.userId());
        }
        Optional<DirectoryUser> user;
        try {
            user = Objects.requireNonNull(d.findUser(token.userId()), "findUser returned null");
        } catch (RuntimeException e) {
            return directoryFailed(d, attempt, e);
        }
        if (user.isEmpty()) {
            return new LoginDecision.Refused(ErrorCode.INCORRECT_LOGIN, "token user " + token.userId()
                    + " is unknown or disabled in directory " + describe(d));
        }
        return new LoginDecision.User(user.get().userId(), user.get().displayName());
    }

    /**
     * A password; or a token pasted as the password by a client that cannot send TOKEN (Pidgin):
     * taken as a token only if it is a genuine one of this user, else checked as a password.
     */
    private LoginDecision passwordLogin(LoginAttempt attempt) {
        String tokenProblem = null;
        boolean keyUnavailable = false;
        if (TokenFormat.looksLikeToken(attempt.secret())) {
            try {
                TokenCheck check = tokens.check(attempt.secret());
                if (check instanceof TokenCheck.Valid valid && valid.userId().equalsIgnoreCase(attempt.loginName())) {
                    return tokenUser(attempt, valid);
                }
                tokenProblem = check instanceof TokenCheck.Invalid invalid ? invalid.why()
                        : "token of " + ((TokenCheck.Valid) check).userId();
            } catch (KeyUnavailableException e) {
                tokenProblem = e.getMessage();
                keyUnavailable = true;
            }
        }
        Directory d = directory.get();
        if (d == null) {
            return new LoginDecision.Refused(ErrorCode.VERIFICATION_DOWN, "no directory service");
        }
        Authentication result;
        try {
            result = Objects.requireNonNull(d.authenticate(attempt.loginName(), attempt.secret()),
                    "authenticate returned null");
        } catch (RuntimeException e) {
            return directoryFailed(d, attempt, e);
        }
        if (result instanceof Authentication.Success success) {
            return new LoginDecision.User(success.user().userId(), success.user().displayName());
        }
        if (result instanceof Authentication.Refused refused) {
            return refusedPassword(refused.reason(), d, tokenProblem, keyUnavailable);
        }
        return new LoginDecision.Refused(ErrorCode.VERIFICATION_DOWN, "directory " + describe(d) + " unavailable: "
                + ((Authentication.Unavailable) result).detail());
    }

    private static LoginDecision refusedPassword(Authentication.Reason reason, Directory d, String tokenProblem,
            boolean keyUnavailable) {
        if (reason == Authentication.Reason.DISABLED) {
            return new LoginDecision.Refused(ErrorCode.USER_RESTRICTED, "account disabled in directory " + describe(d));
        }
        if (keyUnavailable) {
            // The user most likely pasted a token: say "down", not "wrong password". Same answer for
            // unknown users and wrong passwords, so nothing can be probed.
            return new LoginDecision.Refused(ErrorCode.VERIFICATION_DOWN, "the password looks like a token but "
                    + tokenProblem);
        }
        // Spec §7.3: one code for both, so names cannot be probed; the log still tells them apart.
        String detail = (reason == Authentication.Reason.UNKNOWN_USER ? "unknown user" : "wrong password")
                + (tokenProblem == null ? "" : " (the password looks like a token: " + tokenProblem + ")");
        return new LoginDecision.Refused(ErrorCode.INCORRECT_LOGIN, detail);
    }

    private static LoginDecision directoryFailed(Directory d, LoginAttempt attempt, RuntimeException e) {
        LOG.warn("{}: directory {} failed checking '{}': {}", PID, describe(d), attempt.loginName(), e.toString());
        return new LoginDecision.Refused(ErrorCode.VERIFICATION_DOWN, "directory " + describe(d) + " failed: " + e);
    }

    // ---------------------------------------------------------------- LoginTokens

    @Override
    public String issue(String userId, Duration validity) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("no user ID given");
        }
        if (validity == null) {
            throw new IllegalArgumentException("no validity given");
        }
        UsersSettings s = settings;
        if (validity.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("validity must be at least one second, not " + validity);
        }
        if (validity.compareTo(s.maxValidity()) > 0) {
            throw new IllegalArgumentException("validity " + validity.toMinutes() + " minutes exceeds the maximum of "
                    + s.maxValidity().toMinutes() + " minutes (" + PID + " token.max.validity.minutes)");
        }
        // First, so that without storage the answer is "token signing key unavailable: no storage service".
        keys.key();
        Directory d = directory.get();
        if (d == null) {
            throw new IllegalStateException("no directory service to check user " + userId);
        }
        Optional<DirectoryUser> user;
        try {
            user = Objects.requireNonNull(d.findUser(userId.strip()), "findUser returned null");
        } catch (RuntimeException e) {
            throw new IllegalStateException("directory " + describe(d) + " failed: " + e.getMessage(), e);
        }
        DirectoryUser u = user.orElseThrow(() -> new IllegalArgumentException("unknown or disabled user: " + userId));
        String token = tokens.issue(u.userId(), validity);
        LOG.info("{}: issued a login token for {}, valid {} minutes", PID, u.userId(), validity.toMinutes());
        return token;
    }

    @Override
    public Optional<String> verify(String token) {
        if (!TokenFormat.looksLikeToken(token)) {
            return Optional.empty();
        }
        TokenCheck check = tokens.check(token);
        return check instanceof TokenCheck.Valid valid ? Optional.of(valid.userId()) : Optional.empty();
    }

    @Override
    public Duration defaultValidity() {
        return settings.defaultValidity();
    }

    // ---------------------------------------------------------------- descriptions

    /** The hub logs this when it binds the authority. */
    @Override
    public String toString() {
        return "OpenST users (" + PID + ", directory " + describe(directory.get()) + ", " + keys.describe() + ", guests "
                + (settings.guestsEnabled() ? "enabled" : "disabled") + ")";
    }

    private static String describe(Directory d) {
        if (d == null) {
            return "none";
        }
        try {
            return d.describe();
        } catch (RuntimeException e) {
            return d.getClass().getName() + " (describe failed: " + e + ")";
        }
    }

    private static String describe(UsersSettings s) {
        return "guests " + (s.guestsEnabled() ? "enabled as '" + s.guestName() + "' for " + s.guestServices().size()
                + " services" : "disabled") + ", tokens valid " + s.defaultValidity().toMinutes()
                + " minutes by default, at most " + s.maxValidity().toMinutes()
                + (s.tokenKey() != null ? ", signed with the configured .token.key" : "");
    }
}
