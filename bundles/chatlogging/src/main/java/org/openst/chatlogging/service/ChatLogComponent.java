package org.openst.chatlogging.service;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.openst.chatlogging.api.ChatLog;
import org.openst.storage.api.ChatEntry;
import org.openst.storage.api.ChatLogStore;
import org.openst.storage.api.ChatPage;
import org.openst.storage.api.ChatQuery;
import org.openst.storage.api.StorageException;
import org.openst.support.config.ConfigGate;
import org.osgi.service.component.ComponentContext;
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
 * The Chat Logging server application: the {@link ChatLog} every other bundle records through,
 * registered whether or not logging is enabled. Recorded entries go on a bounded queue that
 * {@link ChatLogWriter} drains into the current {@link ChatLogStore}; {@link Retention} prunes the
 * store daily.
 *
 * <p>While {@code enabled} it also switches on its two companion components, which are declared
 * disabled: {@link ImChatObserver} (an {@code ImObserver}: the hub then terminates new IM channels
 * so that their text can be logged) and {@link PlaceChatActivity} (the seed's "enters all places as
 * an additional activity"). Switching them with {@link ComponentContext#enableComponent} keeps
 * the setting in one place, this component's configuration, and disabling logging unregisters the
 * observer so that new IMs go end to end again. The place activity is only switched on when the
 * places API is wired to this bundle (its import is optional).
 */
@Component(name = ChatLogComponent.PID, configurationPid = ChatLogComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = ChatLog.class, immediate = true)
@Designate(ocd = ChatLogComponent.Config.class)
public final class ChatLogComponent implements ChatLog {
    private static final Logger LOG = LoggerFactory.getLogger(ChatLogComponent.class);

    static final String PID = "org.openst.chatlogging";
    /** Component name of {@link ImChatObserver}. */
    static final String IM_OBSERVER = "org.openst.chatlogging.im";
    /** Component name of {@link PlaceChatActivity}. */
    static final String PLACE_ACTIVITY = "org.openst.chatlogging.places";
    /** Component name of {@link ChatLogCommand}. */
    static final String SHELL_COMMAND = "org.openst.chatlogging.shell";
    /** Target filter of the companions' reference: this component's {@link ChatLog}. */
    static final String OURS = "(component.name=" + PID + ")";
    static final String PLACES_API_CLASS = "org.openst.places.api.PlaceActivity";

    /** How long deactivation may spend writing what is still queued. */
    static final Duration FLUSH_ON_STOP = Duration.ofSeconds(10);
    static final Duration FIRST_RETRY = Duration.ofMillis(500);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);

    @ObjectClassDefinition(name = "OpenST chat logging",
            description = "Records IMs, conference and place messages into the chat log store (storage-jdbc).")
    @interface Config {
        @AttributeDefinition(name = "Enabled", description = "Record chat. While on, the hub terminates the "
                + "encryption of new IM channels so that their text can be logged; off, IMs go end to end.")
        boolean enabled() default false;

        @AttributeDefinition(name = "Retention (days)", description = "Entries older than this are deleted daily; "
                + "0 keeps them forever.", min = "0")
        int retention_days() default ChatLogSettings.DEFAULT_RETENTION_DAYS;

        @AttributeDefinition(name = "Queue capacity (entries)", description = "Entries kept in memory while the store "
                + "is absent, failing or slow; when full, new entries are dropped and counted (ERROR in the log).",
                min = "1")
        int queue_capacity() default ChatLogSettings.DEFAULT_QUEUE_CAPACITY;

        @AttributeDefinition(name = "Flush batch (entries)", description = "Most entries written to the store in one "
                + "transaction.", min = "1")
        int flush_batch() default ChatLogSettings.DEFAULT_FLUSH_BATCH;
    }

    private final Companions companions;
    private final CurrentStore store = new CurrentStore();
    private final EntryQueue queue;
    private final ChatLogWriter writer;
    private final DropReport drops;
    private final Retention retention;
    private final ScheduledExecutorService maintenance;
    private volatile ChatLogSettings settings;

    @Activate
    public ChatLogComponent(Config config, ComponentContext context) {
        this(gate().initial(config), Clock.systemUTC(), new Companions() {
            @Override
            public void enable(String name) {
                context.enableComponent(name);
            }

            @Override
            public void disable(String name) {
                context.disableComponent(name);
            }
        }, FIRST_RETRY, MAX_RETRY);
    }

    ChatLogComponent(ChatLogSettings initial, Clock clock, Companions companions, Duration firstRetry,
            Duration maxRetry) {
        this.companions = companions;
        this.settings = initial;
        this.queue = new EntryQueue(initial.queueCapacity());
        this.drops = new DropReport(clock, () -> settings.queueCapacity());
        this.writer = new ChatLogWriter(queue, store, initial.flushBatch(), firstRetry, maxRetry);
        this.retention = new Retention(store, clock, initial.retentionDays());
        this.maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "openst-chatlog-maintenance");
            t.setDaemon(true);
            return t;
        });
        writer.start();
        maintenance.scheduleWithFixedDelay(retention::run, 0, 1, TimeUnit.DAYS);
        maintenance.scheduleWithFixedDelay(drops::reportIfDue, 1, 1, TimeUnit.MINUTES);
        switchCompanions(initial.enabled());
        LOG.info("chat logging {} (retention {} days, queue {} entries, batch {})",
                initial.enabled() ? "enabled" : "disabled", initial.retentionDays(), initial.queueCapacity(),
                initial.flushBatch());
    }

    /** Every key applies at once; a bad value is refused (logged) and the old configuration stays. */
    @Modified
    void modified(Config config) {
        gate().next(config).ifPresent(this::apply);
    }

    /** The one door of this component's configuration (PID, key and why of every refusal). */
    private static ConfigGate<Config, ChatLogSettings> gate() {
        return new ConfigGate<>(PID, Config.class, ChatLogSettings::from, LOG);
    }

    /** The settings in force; for tests. */
    ChatLogSettings settings() {
        return settings;
    }

    /** A new configuration, applied without unregistering the chat log or losing queued entries. */
    void apply(ChatLogSettings next) {
        ChatLogSettings previous = settings;
        queue.setCapacity(next.queueCapacity());
        writer.setBatchSize(next.flushBatch());
        retention.setDays(next.retentionDays());
        settings = next;
        if (next.enabled() != previous.enabled()) {
            LOG.info("chat logging {}", next.enabled() ? "enabled" : "disabled: IMs opened from now on go end to end");
            switchCompanions(next.enabled());
        }
        if (next.retentionDays() != previous.retentionDays()) {
            runRetentionSoon();
        }
    }

    @Deactivate
    void deactivate() {
        switchCompanions(false);
        maintenance.shutdownNow();
        writer.close(FLUSH_ON_STOP);
        long dropped = drops.total();
        if (dropped > 0) {
            LOG.warn("chat logging stopped; {} entries were dropped on a full queue while it ran", dropped);
        }
    }

    // ---------------------------------------------------------------- the store (dynamic, optional)

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindChatLogStore(ChatLogStore newStore) {
        store.bind(newStore);
        LOG.info("chat log store {} bound; {} entries queued", ChatLogWriter.describe(newStore), queue.size());
        runRetentionSoon();
    }

    void unbindChatLogStore(ChatLogStore oldStore) {
        store.unbind(oldStore);
        LOG.info("chat log store {} went away; entries are kept queued until a store is back",
                ChatLogWriter.describe(oldStore));
    }

    private void runRetentionSoon() {
        try {
            maintenance.execute(retention::run);
        } catch (RejectedExecutionException stopping) {
            // deactivating: nothing to prune for
        }
    }

    // ---------------------------------------------------------------- ChatLog

    @Override
    public boolean isEnabled() {
        return settings.enabled();
    }

    @Override
    public void record(ChatEntry entry) {
        if (entry == null || !settings.enabled()) {
            return;
        }
        if (!queue.offer(entry)) {
            drops.dropped();
        }
    }

    @Override
    public ChatPage find(ChatQuery query) {
        ChatLogStore s = store.get();
        if (s == null) {
            throw new StorageException("no chat log store is available (is storage-jdbc running?)");
        }
        return s.find(query);
    }

    // ---------------------------------------------------------------- for tests and the shell

    EntryQueue queue() {
        return queue;
    }

    ChatLogWriter writer() {
        return writer;
    }

    DropReport drops() {
        return drops;
    }

    Retention retention() {
        return retention;
    }

    // ---------------------------------------------------------------- companions

    private void switchCompanions(boolean on) {
        if (!on) {
            companions.disable(IM_OBSERVER);
            companions.disable(PLACE_ACTIVITY);
            return;
        }
        companions.enable(IM_OBSERVER);
        if (visible(PLACES_API_CLASS, ChatLogComponent.class.getClassLoader())) {
            companions.enable(PLACE_ACTIVITY);
        } else {
            LOG.info("the places API ({}) is not wired to this bundle: place chat is not logged", PLACES_API_CLASS);
        }
    }

    /**
     * Whether a class can be loaded, here: whether the optional import of the places API is wired
     * to this bundle (asked without loading our activity class).
     */
    static boolean visible(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
