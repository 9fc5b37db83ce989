package org.openst.storage.service;

import java.time.Duration;
import java.util.List;

import org.openst.hub.api.Community;
import org.openst.hub.api.Login;
import org.openst.hub.api.ServiceChannel;
import org.openst.hub.api.ServiceProvider;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.ProtocolException;
import org.openst.protocol.ServiceType;
import org.openst.storage.api.UserStorage;
import org.openst.storage.service.StorageMessages.LoadRequest;
import org.openst.storage.service.StorageMessages.SaveRequest;
import org.openst.storage.service.StorageRequestHandler.SaveOutcome;
import org.openst.support.concurrent.KeyedSerialExecutor;
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
 * The User Storage server application: the storage service {@code 0x18} (protocol spec §6.6),
 * where Pidgin keeps the user's buddy list (key 0) and Meanwhile its other settings.
 *
 * <p>Each request is parsed on the network thread (cheap, and a malformed one is refused at once)
 * and answered on the user's lane (a {@link KeyedSerialExecutor} keyed by user ID). One serial lane
 * per user answers each channel in request order (spec §6.6: several requests may be outstanding),
 * makes a quota check and the save that follows it atomic for the user, and orders
 * STORAGE_CHANGED notices after the answers that caused them. A SAVE is answered with
 * result 0 only after {@link UserStorage#save} returned, i.e. once it is durable. A request still
 * queued when the client closes the channel or logs out is still carried out: Pidgin saves its
 * list right before its logout (spec §8.2 #39–42); only the answer is dropped.
 *
 * <p>After a successful SAVE the user's other logins hear of it (the seed's STORAGE_EVENT_OTM)
 * through {@link StorageMessages#STORAGE_CHANGED} on their storage channels.
 */
@Component(name = StorageService.PID, configurationPid = StorageService.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = ServiceProvider.class, immediate = true)
@Designate(ocd = StorageService.Config.class)
public final class StorageService implements ServiceProvider {
    static final String PID = "org.openst.storage";
    /** Spec §6.6: the storage protocol Meanwhile speaks (version 1). */
    static final int PROTO_TYPE = 0x25;
    static final int DEFAULT_MAX_UNIT_BYTES = 65535 + 2;
    static final long DEFAULT_QUOTA_BYTES = 1024 * 1024;
    static final int DEFAULT_MAX_UNITS_PER_REQUEST = 64;

    private static final Logger LOG = LoggerFactory.getLogger(StorageService.class);
    /** Attached to a channel refused for a malformed message: its later messages are dropped. */
    private static final Object REFUSED = new Object();

    @ObjectClassDefinition(name = "OpenST user storage",
            description = "The storage service (0x18): keyed units per user, such as Pidgin's buddy list.")
    @interface Config {
        @AttributeDefinition(name = "Maximum unit size (bytes)", description = "Largest value of one unit; the "
                + "default fits the largest str (a buddy list).", min = "0")
        int max_unit_bytes() default DEFAULT_MAX_UNIT_BYTES;

        @AttributeDefinition(name = "Quota (bytes)", description = "Most bytes of values one user may store in "
                + "total.", min = "0")
        long quota_bytes() default DEFAULT_QUOTA_BYTES;

        @AttributeDefinition(name = "Maximum units per request", description = "Most keys one LOAD, or units one "
                + "SAVE, may name (Meanwhile sends one).", min = "1")
        int max_units_per_request() default DEFAULT_MAX_UNITS_PER_REQUEST;

        @AttributeDefinition(name = "Worker threads", description = "Threads that run storage requests.", min = "1")
        int worker_threads() default 4;

        @AttributeDefinition(name = "Drain time-out (s)", description = "How long stopping the component waits "
                + "for queued requests to finish.", min = "0")
        int drain_timeout_seconds() default 10;
    }

    private final Community community;
    private final ConfigGate<Config, StorageSettings> gate = new ConfigGate<>(PID, Config.class,
            StorageSettings::from, LOG);
    private final StorageRequestHandler handler;
    private final KeyedSerialExecutor<String> lanes;
    private final OpenStorageChannels open = new OpenStorageChannels();
    private volatile StorageLimits limits;
    private volatile Duration drainTimeout;

    @Activate
    public StorageService(@Reference(name = "storage") UserStorage storage,
            @Reference(name = "community") Community community, Config config) {
        this.community = community;
        this.handler = new StorageRequestHandler(storage);
        StorageSettings settings = gate.initial(config);
        apply(settings);
        this.lanes = KeyedSerialExecutor.unbounded("openst-storage", settings.workerThreads());
        LOG.info("storage: serving service 0x18 from {}", storage.describe());
    }

    /** Every key applies at once (threads are resized); a bad value is refused (logged) and the old settings stay. */
    @Modified
    void modified(Config config) {
        gate.next(config).ifPresent(next -> {
            apply(next);
            lanes.resize(next.workerThreads());
        });
    }

    private void apply(StorageSettings settings) {
        limits = settings.limits();
        drainTimeout = settings.drainTimeout();
    }

    /** The limits in force; for tests. */
    StorageLimits limits() {
        return limits;
    }

    @Deactivate
    void deactivate() {
        int left = lanes.close(drainTimeout);
        if (left > 0) {
            LOG.warn("storage: stopped with {} request(s) unfinished after {} s", left, drainTimeout.toSeconds());
        }
        open.clear();
    }

    @Override
    public int serviceType() {
        return ServiceType.STORAGE;
    }

    // ---------------------------------------------------------------- channel events (network threads)

    @Override
    public void channelCreated(ServiceChannel channel) {
        Login login = channel.login();
        if (login.isGuest()) {
            // The hub lets a guest through only if its authority allowed storage; still, a guest
            // has no persistent identity to keep units under (seed, chapter 4).
            LOG.info("storage: refusing the channel of guest {}: guests have no persistent identity", login.loginId());
            channel.close(ErrorCode.ERR_NOT_AUTHORIZED);
            return;
        }
        if (channel.protoType() != PROTO_TYPE) {
            LOG.info("storage: refusing the channel of {} (login {}): proto type 0x{}, only 0x25 is served",
                    login.userId(), login.loginId(), Integer.toHexString(channel.protoType()));
            channel.close(ErrorCode.ERR_PROTOCOL_NO_SUPPORT);
            return;
        }
        open.add(channel);
        channel.accept(null); // spec §6.6: accept with empty addtl
    }

    @Override
    public void received(ServiceChannel channel, int msgType, byte[] data) {
        if (channel.attachment() == REFUSED) {
            return; // a malformed message already ended this channel; what follows it is dropped
        }
        Login login = channel.login();
        try {
            if (msgType == StorageMessages.LOAD) {
                LoadRequest request = StorageMessages.parseLoad(data);
                submit(channel, () -> channel.send(StorageMessages.LOADED,
                        handler.load(login.userId(), request, limits)));
            } else if (msgType == StorageMessages.SAVE) {
                SaveRequest request = StorageMessages.parseSave(data);
                submit(channel, () -> save(channel, request));
            } else {
                refuse(channel, "unknown message type 0x" + Integer.toHexString(msgType));
            }
        } catch (ProtocolException e) {
            refuse(channel, (msgType == StorageMessages.LOAD ? "malformed LOAD: " : "malformed SAVE: ") + e.getMessage());
        }
    }

    @Override
    public void channelClosed(ServiceChannel channel, int reason, byte[] data) {
        // Requests still queued for it are carried out (spec §8.2 #42); their answers are dropped.
        open.remove(channel);
    }

    // ---------------------------------------------------------------- work

    /** @return false when the component is stopping and the task was dropped */
    private boolean submit(ServiceChannel channel, Runnable task) {
        Login login = channel.login();
        if (!lanes.submit(login.userId(), task)) {
            LOG.info("storage: stopping; request of {} (login {}) dropped", login.userId(), login.loginId());
            return false;
        }
        return true;
    }

    /**
     * Ends a channel that sent something the protocol does not allow, after the requests before
     * it were answered (it goes through the user's lane like a request).
     */
    private void refuse(ServiceChannel channel, String why) {
        channel.attach(REFUSED);
        Runnable close = () -> {
            Login login = channel.login();
            LOG.warn("storage: closing the channel of {} (login {}) with ERR_REQUEST_INVALID: {}", login.userId(),
                    login.loginId(), why);
            open.remove(channel);
            channel.close(ErrorCode.ERR_REQUEST_INVALID);
        };
        if (!submit(channel, close)) {
            close.run();
        }
    }

    private void save(ServiceChannel channel, SaveRequest request) {
        Login login = channel.login();
        SaveOutcome outcome = handler.save(login.userId(), request, limits);
        channel.send(StorageMessages.SAVED, outcome.reply());
        if (!outcome.storedKeys().isEmpty()) {
            tellOtherLogins(login, outcome.storedKeys());
        }
    }

    /** The seed's STORAGE_EVENT_OTM: the user's other logins learn that their storage changed. */
    private void tellOtherLogins(Login origin, List<Long> keys) {
        byte[] notice = StorageMessages.storageChanged(keys);
        for (Login other : community.loginsOf(origin.userId())) {
            if (other.loginId().equals(origin.loginId())) {
                continue;
            }
            for (ServiceChannel ch : open.of(other.loginId())) {
                ch.send(StorageMessages.STORAGE_CHANGED, notice);
            }
        }
    }
}
