package org.openst.logger.impl;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.openst.hub.api.Community;
import org.openst.hub.api.CommunityListener;
import org.openst.hub.api.Login;
import org.openst.logger.api.Statistics;
import org.openst.storage.api.StatTotal;
import org.openst.storage.api.StatisticsStore;
import org.openst.support.config.ConfigGate;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Logger server application (seed: "logs various statistic events to a persistent device ...
 * uses the Community service of the Community server to log the events of the community"). It
 * supplies no client service; it records
 * <ul>
 * <li>community events as a {@link CommunityListener}: logins, logouts, refused logins, opened
 * channels per service type;</li>
 * <li>messages per service type, sampled from {@link Community#messageCounts()};</li>
 * <li>bundle changes, as a {@link BundleListener};</li>
 * </ul>
 * aggregated per minute in a {@link StatisticsLog} that writes them to the optional
 * {@link StatisticsStore}, and answers queries as the {@link Statistics} service.
 *
 * <p>Configuration changes apply in place ({@code @Modified}): new intervals re-schedule the
 * timers, retention and the queue limit apply at once; a bad value is refused and the old
 * configuration stays.
 */
@Component(name = LoggerComponent.PID, configurationPid = LoggerComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {CommunityListener.class, Statistics.class}, immediate = true)
@Designate(ocd = LoggerComponent.Config.class)
public final class LoggerComponent implements CommunityListener, Statistics {
    static final String PID = "org.openst.logger";
    /** Retention runs a few minutes after start (a hub restarted daily still purges), then daily. */
    static final Duration FIRST_PURGE_DELAY = Duration.ofMinutes(5);
    static final Duration PURGE_PERIOD = Duration.ofDays(1);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(LoggerComponent.class);

    @ObjectClassDefinition(name = "OpenST logger",
            description = "Statistics of logins, messages, channels and bundle changes, written to the statistics store.")
    @interface Config {
        @AttributeDefinition(name = "Sampling interval (s)", description = "How often the hub's message counts are "
                + "sampled; samples fall on whole multiples of it, so a divisor of 3600 keeps hourly totals exact.",
                min = "1")
        int sample_seconds() default LoggerSettings.DEFAULT_SAMPLE_SECONDS;

        @AttributeDefinition(name = "Flush interval (s)", description = "How often the rows counted per kind and "
                + "minute are written to the statistics store.", min = "1")
        int flush_seconds() default LoggerSettings.DEFAULT_FLUSH_SECONDS;

        @AttributeDefinition(name = "Retention (days)", description = "Events older than this are deleted once a "
                + "day; 0 keeps them forever.", min = "0")
        int retention_days() default LoggerSettings.DEFAULT_RETENTION_DAYS;

        @AttributeDefinition(name = "Queue limit (rows)", description = "Most rows (one per kind and minute) kept in "
                + "memory while the statistics store is absent or failing; beyond it the oldest are dropped and "
                + "counted in a WARN line.", min = "1")
        int max_queued_rows() default LoggerSettings.DEFAULT_MAX_QUEUED_ROWS;
    }

    private final ConfigGate<Config, LoggerSettings> gate = new ConfigGate<>(PID, Config.class, LoggerSettings::from,
            LOG);
    private final Community community;
    private volatile LoggerSettings settings;
    /** The periodic tasks of {@link #startTimers}; guarded by {@code this}. */
    private final List<ScheduledFuture<?>> schedules = new ArrayList<>();
    private final Clock clock;
    private final StatisticsLog log;
    private final MessageSampler sampler = new MessageSampler();
    /** Null in unit tests: they call {@link #sampleNow}, {@link #flushNow} and {@link #purgeNow}. */
    private final ScheduledExecutorService timers;
    /** Null in unit tests. */
    private final BundleContext context;
    private final BundleListener bundleListener = this::bundleChanged;

    @Activate
    public LoggerComponent(@Reference(name = "community") Community community, BundleContext context, Config config) {
        this(community, null, Clock.systemUTC(), context, newTimers(), config);
    }

    /** Without timers and bundle events: the test drives sampling, flushing and retention. */
    LoggerComponent(Community community, LoggerSettings settings, Clock clock) {
        this(community, settings, clock, null, null, null);
    }

    /** With settings, or (from DS) a configuration to check through the gate. */
    private LoggerComponent(Community community, LoggerSettings settings, Clock clock, BundleContext context,
            ScheduledExecutorService timers, Config config) {
        this.community = community;
        this.settings = settings != null ? settings : gate.initial(config);
        this.clock = clock;
        this.log = new StatisticsLog(clock, this.settings.maxQueuedRows());
        this.context = context;
        this.timers = timers;
        sampleNow(); // the baseline of the message counts
        if (timers != null) {
            startTimers();
        }
        if (context != null) {
            // The one direct use of the BundleContext: bundle life-cycle events exist only as
            // framework listeners (there is no service to reference for them).
            context.addBundleListener(bundleListener);
        }
        describe("recording statistics", this.settings);
    }

    private static void describe(String what, LoggerSettings s) {
        LOG.info("logger: {} (messages sampled every {} s, written every {} s, kept {}, at most {} rows queued)", what,
                s.sample().toSeconds(), s.flush().toSeconds(),
                s.retentionDays() == 0 ? "forever" : s.retentionDays() + " days", s.maxQueuedRows());
    }

    /** Every key applies at once; a bad value is refused (logged) and the old configuration stays. */
    @Modified
    void modified(Config config) {
        gate.next(config).ifPresent(this::apply);
    }

    /** New settings in place: the queue limit and retention at once, new intervals re-schedule the timers. */
    void apply(LoggerSettings next) {
        LoggerSettings old = settings;
        settings = next;
        log.setMaxQueuedRows(next.maxQueuedRows());
        if (timers != null && (!next.sample().equals(old.sample()) || !next.flush().equals(old.flush()))) {
            startTimers();
        }
        describe("configuration applied", next);
    }

    /** The settings in force; for tests. */
    LoggerSettings settings() {
        return settings;
    }

    private static ScheduledExecutorService newTimers() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "openst-logger");
            t.setDaemon(true);
            return t;
        });
    }

    /** (Re)schedules sampling, flushing and retention on the current settings. */
    private synchronized void startTimers() {
        schedules.forEach(f -> f.cancel(false));
        schedules.clear();
        Duration sample = settings.sample();
        Duration flush = settings.flush();
        schedules.add(timers.scheduleAtFixedRate(guarded("sample", this::sampleNow),
                MessageSampler.firstDelay(clock.instant(), sample).toMillis(), sample.toMillis(), TimeUnit.MILLISECONDS));
        schedules.add(timers.scheduleAtFixedRate(guarded("flush", this::flushNow),
                flush.toMillis(), flush.toMillis(), TimeUnit.MILLISECONDS));
        schedules.add(timers.scheduleAtFixedRate(guarded("retention", this::purgeNow),
                FIRST_PURGE_DELAY.toMillis(), PURGE_PERIOD.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** A periodic task that throws is cancelled by its executor: log it and keep going instead. */
    private static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("logger: {} failed", what, e);
            }
        };
    }

    @Deactivate
    void deactivate() {
        if (context != null) {
            try {
                context.removeBundleListener(bundleListener);
            } catch (IllegalStateException e) {
                // The bundle is already stopped: its listeners are gone with it.
            }
        }
        if (timers != null) {
            timers.shutdown(); // cancels the periodic tasks; a running one finishes
        }
        guarded("the last sample", this::sampleNow).run(); // the messages since the previous sample
        int left;
        try {
            left = log.flushWithin(STOP_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            left = -1;
        }
        if (left < 0) {
            LOG.warn("logger: stopping while a write to the StatisticsStore has hung for {} s: the statistics still "
                    + "in memory are lost", STOP_WAIT.toSeconds());
        } else if (left > 0) {
            LOG.warn("logger: stopping with {} row(s) of statistics unwritten ({}): they are lost", left,
                    log.hasStore() ? "the StatisticsStore fails" : "no StatisticsStore");
        }
    }

    // ---------------------------------------------------------------- the statistics store

    /** Greedy: a higher-ranked store is bound before the old one is unbound; queued rows go to it. */
    @Reference(name = "store", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindStore(StatisticsStore store) {
        log.storeAdded(store);
        LOG.info("logger: writing statistics to {}", store);
        if (timers != null) {
            try {
                timers.execute(guarded("flush", this::flushNow)); // what queued up while there was none
            } catch (RejectedExecutionException e) {
                // Deactivating: deactivate() flushes.
            }
        }
    }

    void unbindStore(StatisticsStore store) {
        if (log.storeRemoved(store)) {
            LOG.warn("logger: the StatisticsStore went away: statistics are kept in memory (at most {} rows) until "
                    + "another appears", settings.maxQueuedRows());
        }
    }

    // ---------------------------------------------------------------- work (timers; tests call it directly)

    /** Samples the hub's message counts and records the deltas since the previous sample. */
    void sampleNow() {
        for (MessageSampler.Delta d : sampler.sample(community.messageCounts(), clock.instant())) {
            log.record(d.at(), EventKinds.messages(d.serviceType()), d.count());
        }
    }

    /** @return the rows still waiting for the store */
    int flushNow() {
        return log.flush();
    }

    /** Applies the retention. @return how many events were deleted */
    int purgeNow() {
        if (settings.retentionDays() == 0) {
            return 0;
        }
        return log.deleteBefore(clock.instant().minus(Duration.ofDays(settings.retentionDays())));
    }

    // ---------------------------------------------------------------- events (hub network threads: cheap)

    @Override
    public void loggedIn(Login login) {
        log.record(Statistics.LOGIN, 1);
    }

    @Override
    public void loggedOut(Login login, int reason) {
        log.record(Statistics.LOGOUT, 1);
    }

    @Override
    public void loginRefused(String loginName, InetSocketAddress from, int reason) {
        log.record(Statistics.LOGIN_FAILED, 1);
    }

    @Override
    public void channelOpened(Login login, int serviceType) {
        log.record(EventKinds.channel(serviceType), 1);
    }

    /** The framework's event thread. */
    void bundleChanged(BundleEvent event) {
        bundleChanged(event.getType(), event.getBundle().getSymbolicName());
    }

    void bundleChanged(int bundleEventType, String symbolicName) {
        EventKinds.ofBundleEvent(bundleEventType).ifPresent(kind -> {
            LOG.debug("logger: {} {}", kind, symbolicName);
            log.record(kind, 1);
        });
    }

    // ---------------------------------------------------------------- Statistics

    @Override
    public List<StatTotal> totalsPerHour(Instant from, Instant to) {
        return log.totalsPerHour(from, to);
    }

    @Override
    public Map<String, Long> totals(Instant from, Instant to) {
        Map<String, Long> sums = new TreeMap<>();
        for (StatTotal t : log.totalsPerHour(from, to)) {
            sums.merge(t.kind(), t.total(), Long::sum);
        }
        return Collections.unmodifiableMap(sums);
    }
}
