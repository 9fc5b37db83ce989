package org.openst.privacy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.openst.hub.api.Community;
import org.openst.hub.api.CommunityListener;
import org.openst.hub.api.Login;
import org.openst.hub.api.PrivacySource;
import org.openst.protocol.PrivacyInfo;
import org.openst.storage.api.PrivacyStore;
import org.openst.storage.api.StorageException;
import org.openst.support.concurrent.KeyedSerialExecutor;
import org.openst.support.concurrent.KeyedSerialExecutor.Ticket;
import org.openst.support.config.ConfigGate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Privacy server application: keeps each user's privacy list (protocol spec §3.12) in the
 * {@link PrivacyStore} and synchronises it between the user's logins (seed, chapter 4: "the hub
 * synchronizes the server-hosted privacy list of the user between his different logins").
 *
 * <ul>
 * <li>At login the hub asks this component, as its {@link PrivacySource}, for the stored list;
 * the login starts with it (LOGIN_ACK and SET_PRIVACY_LIST, spec §8.2 #7), so it is in force
 * before anybody sees the login.</li>
 * <li>A list the user sets from one login is checked against the limits, stored, and pushed to
 * the user's other logins. A list over the limits is not stored; the login gets the stored (or
 * its previous) list back, so client and server agree.</li>
 * </ul>
 *
 * <p>The hub itself enforces whatever list a login holds; this component only decides which list
 * that is. Store calls may block, so they run on the component's own lanes
 * ({@link KeyedSerialExecutor}, keyed by user ID): one lane per user keeps a user's loads and
 * changes in order, so a login's load sees every list stored before it; a change is submitted as
 * such, so that a load or restore running before it learns that its result is stale. Guests have no persistent identity (seed, chapter 4) and are left alone: their list
 * lives as long as their login (the hub does not ask for theirs).
 *
 * <p>Most users never store a list. The component therefore loads the set of users that have one
 * ({@link PrivacyStore#usersWithLists()}) once, in a lane task, when it is created on a store
 * (the store reference is static: a new store means a new component, with a new set), and keeps
 * it up to date with its own changes, being the only writer of lists. A login of a user outside a
 * loaded set is answered at once with "none", without a lane or a store call.
 *
 * <p>The hub reports every push ({@link Community#pushPrivacy}) as a {@code privacyChanged} on the
 * pushing thread. The echoes of this component's own pushes are recognised by that thread and
 * ignored; any other change equal to the stored list is not stored again.
 */
@Component(name = PrivacyService.PID, configurationPid = PrivacyService.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = { CommunityListener.class, PrivacySource.class },
        immediate = true)
@Designate(ocd = PrivacyService.Config.class)
public final class PrivacyService implements CommunityListener, PrivacySource {
    static final String PID = "org.openst.privacy";
    static final int DEFAULT_MAX_ENTRIES = 1000;
    static final int DEFAULT_MAX_ID_LENGTH = 256;
    /** Below the hub's own bound (2 s, hub-api PrivacySource), so that the late push below applies. */
    static final int DEFAULT_LOGIN_TIMEOUT_MILLIS = 1500;
    private static final Logger LOG = LoggerFactory.getLogger(PrivacyService.class);
    /** The lane of the task that loads the users with a stored list; no user ID equals it. */
    private static final Object USERS_WITH_LISTS = new Object();

    @ObjectClassDefinition(name = "OpenST privacy",
            description = "Users' privacy lists kept on the server and synchronised to all their logins.")
    @interface Config {
        @AttributeDefinition(name = "Maximum entries", description = "A list naming more users is not stored; "
                + "the client gets its stored list back.", min = "0")
        int max_entries() default DEFAULT_MAX_ENTRIES;

        @AttributeDefinition(name = "Maximum user ID length", description = "A list naming a longer user ID "
                + "(in characters) is not stored.", min = "1")
        int max_id_length() default DEFAULT_MAX_ID_LENGTH;

        @AttributeDefinition(name = "Worker threads", description = "Threads that load and store lists.", min = "1")
        int worker_threads() default 2;

        @AttributeDefinition(name = "Drain time-out (s)", description = "How long stopping the component waits "
                + "for queued stores to finish.", min = "0")
        int drain_timeout_seconds() default 10;

        @AttributeDefinition(name = "Login time-out (ms)", description = "How long a login waits for the user's "
                + "stored list; after that it starts with \"allow all\" and gets the list when it has loaded. "
                + "The hub itself waits at most 2000 ms.", min = "1")
        int login_timeout_millis() default DEFAULT_LOGIN_TIMEOUT_MILLIS;
    }

    private final ConfigGate<Config, PrivacySettings> gate = new ConfigGate<>(PID, Config.class,
            PrivacySettings::from, LOG);
    private final PrivacyStore store;
    private final Community community;
    /** Keyed by user ID, plus {@link #USERS_WITH_LISTS}. */
    private final KeyedSerialExecutor<Object> lanes;
    private volatile PrivacyLimits limits;
    private volatile Duration drainTimeout;
    private volatile Duration loginTimeout;
    /**
     * The list the last change of a user put in force, while the user has live logins: a login
     * whose load ran just before that change, and which registered only after the change was
     * synchronised, is given it at loggedIn. Written by lane tasks only.
     */
    private final Map<String, PrivacyInfo> latestChange = new ConcurrentHashMap<>();
    /**
     * The users that may have a stored list: {@link PrivacyStore#usersWithLists()} once loaded,
     * plus every user whose change this component submitted for storing. A user is added before
     * the change is submitted to the user's lane, so before it is saved: a login that finds the
     * user missing asked before the change was submitted, and one that finds it present waits in
     * the lane behind the save. Entries are added only (a failed or skipped save leaves one
     * behind, which costs a load at login, as without the set).
     */
    private final Set<String> withLists = ConcurrentHashMap.newKeySet();
    /**
     * Written once, after the loaded set was added to {@link #withLists}: from then on a user not
     * in it has no stored list. False while loading and after a failed load (every login then
     * asks the store, as without the set).
     */
    private volatile boolean withListsLoaded;
    /** Set while this component pushes a list: the hub reports the push on this thread (its echo). */
    private final ThreadLocal<Boolean> pushing = ThreadLocal.withInitial(() -> Boolean.FALSE);

    @Activate
    public PrivacyService(@Reference(name = "store") PrivacyStore store,
            @Reference(name = "community") Community community, Config config) {
        this.store = store;
        this.community = community;
        PrivacySettings settings = gate.initial(config);
        apply(settings);
        this.lanes = KeyedSerialExecutor.unbounded("openst-privacy", settings.workerThreads());
        // On a lane thread, not DS's binding thread: the query may take a while on a large store.
        lanes.submit(USERS_WITH_LISTS, false, ticket -> loadUsersWithLists());
    }

    /**
     * Lane task: the users with a stored list. Added to {@link #withLists}, never replacing it, so
     * that a change submitted while the query ran (and perhaps saved after its snapshot) is kept.
     */
    private void loadUsersWithLists() {
        Set<String> users;
        try {
            users = store.usersWithLists();
        } catch (RuntimeException e) {
            failed("cannot list the users with a stored list; every login asks the store for its list", e);
            return;
        }
        withLists.addAll(users);
        withListsLoaded = true;
        LOG.debug("privacy: {} users have a stored list", users.size());
    }

    /** For tests: whether logins of users without a stored list are answered at once. */
    boolean usersWithListsLoaded() {
        return withListsLoaded;
    }

    /** Every key applies at once (threads are resized); a bad value is refused (logged) and the old settings stay. */
    @Modified
    void modified(Config config) {
        gate.next(config).ifPresent(next -> {
            apply(next);
            lanes.resize(next.workerThreads());
        });
    }

    private void apply(PrivacySettings settings) {
        limits = settings.limits();
        drainTimeout = settings.drainTimeout();
        loginTimeout = settings.loginTimeout();
    }

    /** The limits in force; for tests. */
    PrivacyLimits limits() {
        return limits;
    }

    @Deactivate
    void deactivate() {
        int left = lanes.close(drainTimeout);
        if (left > 0) {
            LOG.warn("privacy: stopped with {} list loads/stores unfinished after {} s", left, drainTimeout.toSeconds());
        }
    }

    // ---------------------------------------------------------------- login (hub's authentication executor)

    /**
     * The list a login of {@code userId} starts with. Loaded in the user's lane, so it is the
     * list of the user's last change handled before this login, never an older one. When the
     * load takes longer than {@code login.timeout.millis} the login starts with "allow all" (the
     * hub's choice for a missing answer too) and the load, once done, pushes the list to the
     * user's logins that hold another one.
     *
     * <p>A user known to have no stored list (see {@link #withLists}) is answered at once.
     */
    @Override
    public Optional<PrivacyInfo> storedPrivacy(String userId) {
        if (knownToHaveNone(userId)) {
            return Optional.empty(); // never stored a list, and no change of the user is pending
        }
        CompletableFuture<Optional<PrivacyInfo>> answer = new CompletableFuture<>();
        if (!lanes.submit(userId, false, ticket -> loadForLogin(userId, answer, ticket))) {
            LOG.warn("privacy: stopping; stored list of {} not loaded for its login", userId);
            return Optional.empty();
        }
        Duration timeout = loginTimeout;
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // ExecutionException cannot happen: the load completes the answer only normally.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the hub stopped waiting
        }
        if (!answer.cancel(false)) {
            return answer.join(); // the answer came just now
        }
        // Cancelled: the load, once done, sees that nobody took its answer and pushes the list.
        LOG.warn("privacy: stored list of {} not loaded within {} ms; the login starts with \"allow all\" "
                + "and gets the list when it has loaded", userId, timeout.toMillis());
        return Optional.empty();
    }

    /** "Allow all" for a user known to have no stored list, so the hub skips its hand-off to {@link #storedPrivacy}. */
    @Override
    public PrivacyInfo knownPrivacy(String userId) {
        return knownToHaveNone(userId) ? PrivacyInfo.allowAll() : null;
    }

    private boolean knownToHaveNone(String userId) {
        // The flag first: once it is set, withLists holds every user of the loaded set.
        return withListsLoaded && !withLists.contains(userId);
    }

    /** For tests: tasks of a user queued or running in its lane. */
    int queuedTasks(String userId) {
        return lanes.queued(userId);
    }

    /** Lane task: the stored list for a login, or, if the login stopped waiting, a late push. */
    private void loadForLogin(String userId, CompletableFuture<Optional<PrivacyInfo>> answer, Ticket ticket) {
        Optional<PrivacyInfo> stored;
        try {
            stored = store.load(userId);
        } catch (RuntimeException e) {
            failed("cannot load the list of " + userId + " for its login; it starts with \"allow all\"", e);
            stored = Optional.empty();
        }
        if (stored.isPresent()) {
            withLists.add(userId); // already there unless the set is not loaded yet
        }
        if (answer.complete(stored) || stored.isEmpty() || ticket.superseded()) {
            return; // taken by the login; or nothing to push; or a newer change synchronises the logins
        }
        for (Login login : community.loginsOf(userId)) {
            if (!PrivacyLists.same(login.privacy(), stored.get())) {
                push(login, stored.get());
            }
        }
    }

    // ---------------------------------------------------------------- community events (network threads)

    /**
     * Normally nothing to do: the login started with the stored list. Only when a change of the
     * user was synchronised between this login's load and its registration (so it missed the
     * push) does the login hold another list than that change; it then gets it now.
     */
    @Override
    public void loggedIn(Login login) {
        PrivacyInfo latest = login.isGuest() ? null : latestChange.get(login.userId());
        if (latest != null && !PrivacyLists.same(latest, login.privacy())) {
            submit(login, false, ticket -> catchUp(login, ticket));
        }
    }

    @Override
    public void loggedOut(Login login, int reason) {
        if (!login.isGuest() && latestChange.containsKey(login.userId())) {
            submit(login, false, ticket -> forgetIfOffline(login.userId()));
        }
    }

    @Override
    public void privacyChanged(Login login, PrivacyInfo previous) {
        if (login.isGuest() || pushing.get()) {
            return; // a guest's list lives with its login; an echo of our own push is no change
        }
        PrivacyInfo list = login.privacy();
        Optional<String> violation = limits.violation(list);
        if (violation.isPresent()) {
            LOG.warn("privacy: list of {} from login {} not stored: {}", login.userId(), login.loginId(), violation.get());
            // Not a change of the user's list: pending loads stay valid (change = false).
            submit(login, false, ticket -> restore(login, previous, ticket));
        } else {
            withLists.add(login.userId()); // before the save, see withLists
            submit(login, true, ticket -> storeAndSync(login, list, ticket));
        }
    }

    private void submit(Login login, boolean change, KeyedSerialExecutor.Task task) {
        if (!lanes.submit(login.userId(), change, task)) {
            LOG.warn("privacy: stopping; list of {} (login {}) not handled", login.userId(), login.loginId());
        }
    }

    // ---------------------------------------------------------------- work (lane threads)

    /**
     * Stores the list unless it is the stored one already (a client may send its list again),
     * then makes every live login of the user hold it. That is the user's other logins, and also
     * the origin in the rare case that a stale push reached it meanwhile. The list is
     * synchronised even when the store fails: it still works for the live logins.
     */
    private void storeAndSync(Login origin, PrivacyInfo list, Ticket ticket) {
        String userId = origin.userId();
        if (isStored(userId, list)) {
            LOG.debug("privacy: list of {} ({}) is the stored one; not stored again", userId, PrivacyLists.describe(list));
        } else {
            try {
                store.save(userId, list);
                LOG.debug("privacy: stored list of {} ({})", userId, PrivacyLists.describe(list));
            } catch (RuntimeException e) {
                failed("cannot store the list of " + userId + " (" + PrivacyLists.describe(list)
                        + "); it stays in force for the live logins", e);
            }
        }
        List<Login> logins = community.loginsOf(userId);
        if (logins.isEmpty()) {
            latestChange.remove(userId); // kept only while the user is online
        } else {
            latestChange.put(userId, list);
        }
        if (ticket.superseded()) {
            return; // a newer change follows and synchronises the logins itself
        }
        for (Login login : logins) {
            if (!PrivacyLists.same(login.privacy(), list)) {
                push(login, list);
            }
        }
    }

    /** A login that registered after the user's last change was synchronised gets that change. */
    private void catchUp(Login login, Ticket ticket) {
        PrivacyInfo latest = latestChange.get(login.userId());
        if (latest != null && !ticket.superseded() && login.isActive() && !PrivacyLists.same(latest, login.privacy())) {
            push(login, latest);
        }
    }

    private void forgetIfOffline(String userId) {
        if (community.loginsOf(userId).isEmpty()) {
            latestChange.remove(userId);
        }
    }

    /**
     * Whether {@code list} is what the store holds for the user; a user who never stored a list
     * has "allow all", the list every login starts with. False when the store cannot say.
     */
    private boolean isStored(String userId, PrivacyInfo list) {
        try {
            return PrivacyLists.same(store.load(userId).orElseGet(PrivacyInfo::allowAll), list);
        } catch (RuntimeException e) {
            failed("cannot load the list of " + userId + " to compare; storing the new one", e);
            return false;
        }
    }

    /** A list over the limits: the login gets the stored list back, or its previous one. */
    private void restore(Login login, PrivacyInfo previous, Ticket ticket) {
        PrivacyInfo back = previous;
        try {
            back = store.load(login.userId()).orElse(previous);
        } catch (RuntimeException e) {
            failed("cannot load the list of " + login.userId() + "; sending login " + login.loginId()
                    + " its previous list", e);
        }
        if (ticket.superseded() || !login.isActive()) {
            return; // a valid change follows and synchronises every login, this one included
        }
        push(login, back);
    }

    /** Pushes a list to a login; the hub reports it back on this thread, where it is ignored. */
    private void push(Login login, PrivacyInfo list) {
        pushing.set(Boolean.TRUE);
        try {
            community.pushPrivacy(login.loginId(), list);
        } finally {
            pushing.set(Boolean.FALSE);
        }
    }

    /**
     * A store call failed: a {@link StorageException} is the back end's known way to fail (one WARN
     * line); anything else is a bug in it (ERROR with the stack). Either way the hub carries on.
     */
    private static void failed(String what, RuntimeException e) {
        if (e instanceof StorageException) {
            LOG.warn("privacy: {}: {}", what, e.getMessage());
        } else {
            LOG.error("privacy: {}", what, e);
        }
    }
}
