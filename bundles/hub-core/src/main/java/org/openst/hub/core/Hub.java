package org.openst.hub.core;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.openst.hub.api.ChannelRequest;
import org.openst.hub.api.Community;
import org.openst.hub.api.ImObserver;
import org.openst.hub.api.LoginAuthority;
import org.openst.hub.api.LoginDecision;
import org.openst.hub.api.LoginIds;
import org.openst.hub.api.PrivacySource;
import org.openst.hub.api.ServiceChannel;
import org.openst.hub.api.ServiceProvider;
import org.openst.protocol.Admin;
import org.openst.protocol.Announce;
import org.openst.protocol.ChannelCreate;
import org.openst.protocol.EncryptOffer;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.IdBlock;
import org.openst.protocol.Login;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.SenseService;
import org.openst.protocol.ServiceType;
import org.openst.protocol.crypto.DhKeyPair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The community hub without its network transport and without OSGi: logins, routing, the
 * service registry and the community events. {@code HubComponent} wires it into the framework and
 * the MINA acceptor feeds it connections; tests build it directly.
 */
public final class Hub implements Community {
    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);
    /** The base-32 alphabet of login IDs' unique part (lower case: IDs are compared byte-wise). */
    private static final char[] LOGIN_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int LOGIN_ID_LENGTH = 12;
    /** How long a login waits for its stored privacy list (hub-api PrivacySource documents it). */
    static final Duration PRIVACY_SOURCE_TIMEOUT = Duration.ofSeconds(2);

    private volatile HubSettings settings;
    private final SecureRandom random = new SecureRandom();
    private final HandshakeKeys handshakeKeys = new HandshakeKeys(random);
    private final SessionRegistry sessions = new SessionRegistry();
    private final ServiceRegistry services = new ServiceRegistry();
    private final CommunityEvents events = new CommunityEvents();
    private final ImObservers imObservers = new ImObservers();
    private final MessageCounts messageCounts = new MessageCounts();
    private final ChannelRouter router = new ChannelRouter(sessions, services, events, imObservers, messageCounts,
            random, this::settings);
    private final AtomicReference<LoginAuthority> authority = new AtomicReference<>();
    private final LoginVerifier verifier = new LoginVerifier(authority::get);
    private final AtomicReference<PrivacySource> privacySource = new AtomicReference<>();
    private volatile Duration privacySourceTimeout = PRIVACY_SOURCE_TIMEOUT;
    private final ExecutorService authExecutor;
    /** Runs PrivacySource calls so that an authentication thread can stop waiting for one. */
    private final ExecutorService privacyExecutor;
    private final ScheduledExecutorService timers;

    public Hub(HubSettings settings) {
        this.settings = settings;
        this.authExecutor = Executors.newFixedThreadPool(settings.authThreads(), daemonThreads("openst-auth"));
        // As many as authentication threads: each waits for at most one call. A source that hangs
        // holds these threads, never the logins (they time out and start with "allow all").
        this.privacyExecutor = Executors.newFixedThreadPool(settings.authThreads(), daemonThreads("openst-privacy-source"));
        ScheduledThreadPoolExecutor timerPool = new ScheduledThreadPoolExecutor(1, daemonThreads("openst-timer"));
        // Most login time-outs are cancelled by a timely login: drop them at once, not when due.
        timerPool.setRemoveOnCancelPolicy(true);
        this.timers = timerPool;
    }

    // ---------------------------------------------------------------- wiring

    public HubSettings settings() {
        return settings;
    }

    /** Applies settings that take effect without a restart (time-outs, login policy, limits). */
    public void update(HubSettings newSettings) {
        HubSettings old = settings;
        if (!newSettings.hubId().equals(old.hubId())) {
            LOG.warn("hub.id changes from {} to {} for new logins only; existing login IDs keep the old one",
                    old.hubId(), newSettings.hubId());
        }
        if (newSettings.authThreads() != old.authThreads()) {
            resize(authExecutor, newSettings.authThreads());
            resize(privacyExecutor, newSettings.authThreads());
        }
        if (newSettings.ioThreads() != old.ioThreads()) {
            LOG.warn("io.threads = {} applies when the hub restarts (bundle org.openst.hub-core); "
                    + "the listener keeps its {} network threads", newSettings.ioThreads(), old.ioThreads());
        }
        settings = newSettings;
    }

    /** Resizes a fixed pool in place: grow the maximum first, shrink the core first. */
    private static void resize(ExecutorService pool, int threads) {
        ThreadPoolExecutor p = (ThreadPoolExecutor) pool;
        if (threads > p.getMaximumPoolSize()) {
            p.setMaximumPoolSize(threads);
            p.setCorePoolSize(threads);
        } else {
            p.setCorePoolSize(threads);
            p.setMaximumPoolSize(threads);
        }
    }

    /** A new client connection. */
    public ClientSession connected(Connection connection) {
        ClientSession session = new ClientSession(this, connection);
        session.opened();
        return session;
    }

    /** Binds a login authority (the highest-ranked one, DS greedy). */
    public void authorityAdded(LoginAuthority a) {
        LoginAuthority old = authority.getAndSet(a);
        LOG.info("login authority: {}{}", a, old == null ? "" : " (replaces " + old + ")");
    }

    /** Unbinds a login authority, unless another one already replaced it. */
    public void authorityRemoved(LoginAuthority a) {
        if (authority.compareAndSet(a, null)) {
            LOG.warn("login authority {} went away: logins are refused with VERIFICATION_DOWN until another appears", a);
        }
    }

    /** Binds the privacy source (the highest-ranked one, DS greedy). */
    public void privacySourceAdded(PrivacySource source) {
        PrivacySource old = privacySource.getAndSet(source);
        LOG.info("privacy source: {}{}", source, old == null ? "" : " (replaces " + old + ")");
    }

    /** Unbinds a privacy source, unless another one already replaced it. */
    public void privacySourceRemoved(PrivacySource source) {
        if (privacySource.compareAndSet(source, null)) {
            LOG.warn("privacy source {} went away: logins start with \"allow all\" until another appears", source);
        }
    }

    /** For tests: how long a login waits for its stored privacy list. */
    void privacySourceTimeout(Duration timeout) {
        privacySourceTimeout = timeout;
    }

    /** A server application registered a service. */
    public void serviceAdded(ServiceProvider provider, int ranking, long serviceId) {
        int type = provider.serviceType();
        services.add(new ServiceRegistry.Entry(provider, type, ranking, serviceId));
        LOG.info("service 0x{} available from {}", Integer.toHexString(type), provider.getClass().getName());
        announceAvailable(type);
    }

    /** Meanwhile restarts a stopped service when told it is available (spec §3.13). */
    private void announceAvailable(int serviceType) {
        SenseService sense = new SenseService(serviceType);
        for (ClientSession s : sessions.all()) {
            s.send(sense);
        }
    }

    /** A server application went away: its channels are destroyed with ERR_SERVICE_NO_SUPPORT. */
    public void serviceRemoved(ServiceProvider provider) {
        ServiceRegistry.Entry entry = services.remove(provider);
        if (entry == null) {
            return;
        }
        int closed = router.providerGone(provider, sessions.all());
        LOG.info("service 0x{} from {} went away; {} channel(s) destroyed with ERR_SERVICE_NO_SUPPORT{}",
                Integer.toHexString(entry.serviceType()), provider.getClass().getName(), closed,
                services.isAvailable(entry.serviceType()) ? ", another provider takes new channels" : "");
        if (services.isAvailable(entry.serviceType())) {
            announceAvailable(entry.serviceType());
        }
    }

    public void listenerAdded(org.openst.hub.api.CommunityListener listener) {
        events.add(listener);
    }

    public void listenerRemoved(org.openst.hub.api.CommunityListener listener) {
        events.remove(listener);
    }

    /** An IM observer registered: IM channels created from now on are terminated by the hub. */
    public void imObserverAdded(ImObserver observer) {
        imObservers.add(observer);
    }

    /** An IM observer went away; with none left, new IM channels are relayed end to end again. */
    public void imObserverRemoved(ImObserver observer) {
        imObservers.remove(observer);
    }

    /** Ends every login (server shutdown) and stops the hub's threads. */
    public void shutdown(int reason) {
        List<ClientSession> all = new ArrayList<>(sessions.all());
        LOG.info("shutting down: ending {} login(s) with {}", all.size(), ErrorCode.name(reason));
        for (ClientSession s : all) {
            s.terminate(reason, null, true);
        }
        authExecutor.shutdownNow();
        privacyExecutor.shutdownNow();
        timers.shutdownNow();
    }

    // ---------------------------------------------------------------- used by sessions

    ChannelRouter router() {
        return router;
    }

    CommunityEvents events() {
        return events;
    }

    SecureRandom random() {
        return random;
    }

    HandshakeKeys handshakeKeys() {
        return handshakeKeys;
    }

    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        try {
            return timers.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null; // shutting down
        }
    }

    void verifyLogin(ClientSession session, Login login, DhKeyPair key, int magic) {
        HubSettings s = settings;
        try {
            authExecutor.execute(() -> {
                LoginVerifier.Outcome outcome = verifier.verify(login, key, magic, s.loginCiphers(),
                        session.remoteAddress());
                if (outcome.decision() instanceof LoginDecision.Refused r) {
                    session.loginRefused(login.name(), r.reason(), r.detail() + " (name '" + login.name() + "')");
                } else {
                    // Guests have no stored identity and start with "allow all".
                    PrivacyInfo initial = outcome.decision() instanceof LoginDecision.User u
                            ? storedPrivacy(u.userId()) : PrivacyInfo.allowAll();
                    session.loginVerified(outcome.decision(), outcome.method(), initial);
                }
            });
        } catch (RejectedExecutionException e) {
            session.loginRefused(login.name(), ErrorCode.VERIFICATION_DOWN, "hub is shutting down");
        }
    }

    /**
     * The privacy list a user's login starts with (spec §8.2 #7), from the privacy source, on the
     * authentication executor. A source that fails or is slower than the bound does not stop the
     * login: it starts with "allow all" and a WARN line says why (availability over strictness;
     * the source can still push the list later). A list the source knows at once ({@link
     * PrivacySource#knownPrivacy}) is taken without the hand-off.
     */
    private PrivacyInfo storedPrivacy(String userId) {
        PrivacySource source = privacySource.get();
        if (source == null) {
            return PrivacyInfo.allowAll();
        }
        PrivacyInfo known;
        try {
            known = source.knownPrivacy(userId);
        } catch (RuntimeException e) {
            LOG.warn("privacy source {} failed to tell whether {} has a list at once ({}); asking it to look", source, userId,
                    e.toString());
            known = null;
        }
        if (known != null) {
            return known;
        }
        Duration timeout = privacySourceTimeout;
        Future<Optional<PrivacyInfo>> answer;
        try {
            answer = privacyExecutor.submit(() -> source.storedPrivacy(userId));
        } catch (RejectedExecutionException e) {
            return PrivacyInfo.allowAll(); // shutting down
        }
        String why;
        try {
            Optional<PrivacyInfo> stored = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (stored != null) {
                return stored.orElseGet(PrivacyInfo::allowAll);
            }
            why = "it returned null";
        } catch (TimeoutException e) {
            answer.cancel(true);
            why = "no answer within " + timeout.toMillis() + " ms";
        } catch (ExecutionException e) {
            why = "it failed: " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            why = "interrupted (hub shutting down)";
        }
        LOG.warn("privacy source {} gave no list for {} ({}): the login starts with \"allow all\"", source, userId, why);
        return PrivacyInfo.allowAll();
    }

    String newLoginId() {
        char[] unique = new char[LOGIN_ID_LENGTH];
        for (int i = 0; i < unique.length; i++) {
            unique[i] = LOGIN_ID_ALPHABET[random.nextInt(LOGIN_ID_ALPHABET.length)];
        }
        return LoginIds.of(new String(unique), settings.hubId());
    }

    boolean register(ClientSession session) {
        return sessions.add(session);
    }

    void unregister(ClientSession session) {
        sessions.remove(session);
    }

    boolean isServiceAvailable(int serviceType) {
        // IM and file transfer are relayed by the hub itself (seed: "IM is supplied directly by
        // the Sametime community hub").
        return serviceType == ServiceType.IM || serviceType == ServiceType.FILE_TRANSFER
                || services.isAvailable(serviceType);
    }

    /** ANNOUNCE (spec §3.15): to every login of every listed user, from the sender's login. */
    void announce(ClientSession from, Announce announce) {
        Announce out = new Announce(true, from.loginInfo(), 0, announce.mayReply(), announce.text(),
                announce.recipients());
        int delivered = 0;
        for (String recipient : announce.recipients()) {
            if (recipient.startsWith("@G ")) {
                LOG.debug("announce from {} to group {}: groups are not resolved yet", from.describe(), recipient);
                continue;
            }
            String userId = recipient.startsWith("@U ") ? recipient.substring(3).trim() : recipient.trim();
            for (ClientSession to : sessions.byUser(userId)) {
                if (to != from) {
                    to.send(out);
                    delivered++;
                }
            }
        }
        LOG.debug("announce from {} delivered to {} login(s)", from.describe(), delivered);
    }

    // ---------------------------------------------------------------- Community

    @Override
    public String hubId() {
        return settings.hubId();
    }

    @Override
    public String communityName() {
        return settings.community();
    }

    @Override
    public Collection<org.openst.hub.api.Login> logins() {
        return List.copyOf(sessions.all());
    }

    @Override
    public List<org.openst.hub.api.Login> loginsOf(String userId) {
        return List.copyOf(sessions.byUser(userId));
    }

    @Override
    public Optional<org.openst.hub.api.Login> login(String loginId) {
        return Optional.ofNullable(sessions.byLoginId(loginId));
    }

    @Override
    public int broadcastAdminMessage(String text) {
        Admin admin = new Admin(text);
        int n = 0;
        for (ClientSession s : sessions.all()) {
            s.send(admin);
            n++;
        }
        LOG.info("admin message to {} login(s): {}", n, text);
        return n;
    }

    @Override
    public int sendAdminMessage(String userId, String text) {
        Admin admin = new Admin(text);
        List<ClientSession> targets = sessions.byUser(userId);
        targets.forEach(s -> s.send(admin));
        LOG.info("admin message to {} ({} login(s)): {}", userId, targets.size(), text);
        return targets.size();
    }

    @Override
    public boolean kick(String loginId, int reason) {
        ClientSession s = sessions.byLoginId(loginId);
        if (s == null) {
            return false;
        }
        s.kick(reason);
        return true;
    }

    @Override
    public Map<Integer, Long> messageCounts() {
        return messageCounts.snapshot();
    }

    @Override
    public boolean pushPrivacy(String loginId, PrivacyInfo privacy) {
        ClientSession s = sessions.byLoginId(loginId);
        if (s == null || !s.isLoggedIn()) {
            return false;
        }
        s.pushPrivacy(privacy);
        return true;
    }

    @Override
    public ServiceChannel openChannel(org.openst.hub.api.Login target, ChannelRequest request, ServiceProvider handler) {
        ClientSession session = target.loginId() == null ? null : sessions.byLoginId(target.loginId());
        if (session == null || !session.isLoggedIn()) {
            throw new IllegalStateException("login " + target.loginId() + " is not live");
        }
        int id = session.allocateServerChannelId();
        HostedChannel channel = new HostedChannel(session, id, handler, request.serviceType(), request.protoType(),
                request.protoVersion(), request.createData(), HostedChannel.State.AWAIT_CLIENT_ACCEPT);
        session.addChannel(id, channel);
        session.send(new ChannelCreate(0, id, new IdBlock(session.userId(), ""), request.serviceType(),
                request.protoType(), request.protoVersion(), 0, request.createData(), request.creator(),
                EncryptOffer.none()));
        return channel;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
