package org.openst.places.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.openst.hub.api.Community;
import org.openst.hub.api.Login;
import org.openst.hub.api.ServiceChannel;
import org.openst.hub.api.ServiceProvider;
import org.openst.places.api.PlaceActivity;
import org.openst.places.service.PlaceMessages.CreateData;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.ProtocolException;
import org.openst.protocol.ServiceType;
import org.openst.storage.api.ConfigRecords;
import org.openst.support.concurrent.DaemonPools;
import org.openst.support.concurrent.KeyedSerialExecutor;
import org.openst.support.config.ConfigGate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Places server application: the place service {@code 0x80000022} (protocol spec §6.4).
 *
 * <p>A client enters a place by creating a channel with the place's name and title. The first
 * entry creates the place: its definition (name, title) is stored in {@link ConfigRecords} (an
 * existing definition keeps its stored title) and the place opens; the channel is accepted once
 * the definition is known, so the client's JOIN_PLACE and everything after it follow in order.
 * Membership is runtime state: the place closes when its last channel leaves.
 *
 * <p>The network threads only check the CREATE and hand every event to the place's lane: one
 * serial lane per place name on a small shared pool ({@link KeyedSerialExecutor}), the seed's
 * "single synchronization point". Every event of a place (entries, messages, leaves, activity
 * calls, the end of its definition's loading) runs on it one at a time in the order submitted, so
 * every member and every activity sees one order and the place's state needs no lock; different
 * places run in parallel. Lanes are keyed by name, not by place object, so a place that closes and
 * opens again keeps its order across the two lives. Storage runs on its own small pool, so a slow
 * store delays only the places it is loading. Registered {@link PlaceActivity} services enter every place and hear its
 * events in the place's order.
 */
@Component(name = PlacesComponent.PID, configurationPid = PlacesComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = ServiceProvider.class, immediate = true)
@Designate(ocd = PlacesComponent.Config.class)
public final class PlacesComponent implements ServiceProvider {
    static final String PID = "org.openst.places";
    static final int DEFAULT_MAX_NAME_LENGTH = 256;
    static final int DEFAULT_MAX_TITLE_LENGTH = 256;
    static final int DEFAULT_MAX_MEMBERS = 500;
    private static final int LANE_THREADS = 2;
    private static final int STORAGE_THREADS = 2;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(PlacesComponent.class);

    @ObjectClassDefinition(name = "OpenST places",
            description = "The place service (0x80000022): named places where members chat, with external activities.")
    @interface Config {
        @AttributeDefinition(name = "Maximum name length", description = "Longest place name, in characters "
                + "(at most 512, the storage key limit); a longer one is refused with ERR_REQUEST_INVALID.",
                min = "1", max = "512")
        int max_name_length() default DEFAULT_MAX_NAME_LENGTH;

        @AttributeDefinition(name = "Maximum title length", description = "Longest place title, in characters; "
                + "a longer one is refused with ERR_REQUEST_INVALID.", min = "0")
        int max_title_length() default DEFAULT_MAX_TITLE_LENGTH;

        @AttributeDefinition(name = "Maximum members", description = "Most channels one place holds; one more "
                + "is refused with SERVER_FULL.", min = "1")
        int max_members() default DEFAULT_MAX_MEMBERS;
    }

    private final ConfigGate<Config, PlaceLimits> gate = new ConfigGate<>(PID, Config.class, PlacesComponent::limits,
            LOG);
    private final PlaceDefinitions definitions;
    private final Activities activities = new Activities();
    private final KeyedSerialExecutor<String> lanes = KeyedSerialExecutor.unbounded("openst-places", LANE_THREADS);
    private final ExecutorService storage;
    /** Live places by name; a name's entry is added and removed only on that name's lane. */
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private volatile PlaceLimits limits;

    @Activate
    public PlacesComponent(@Reference(name = "community") Community community,
            @Reference(name = "records") ConfigRecords records, Config config) {
        this.definitions = new PlaceDefinitions(records);
        this.storage = DaemonPools.unbounded("openst-places-storage", STORAGE_THREADS);
        this.limits = gate.initial(config);
        LOG.info("places: serving service 0x80000022 on hub {}", community.hubId());
    }

    /** New limits apply to the next requests; a bad value is refused (logged) and the old limits stay. */
    @Modified
    void modified(Config config) {
        gate.next(config).ifPresent(next -> limits = next);
    }

    static PlaceLimits limits(Config config) {
        return new PlaceLimits(config.max_name_length(), config.max_title_length(), config.max_members());
    }

    /** The limits in force; for tests. */
    PlaceLimits limits() {
        return limits;
    }

    @Deactivate
    void deactivate() {
        for (String name : rooms.keySet()) {
            lanes.submit(name, () -> {
                Room room = rooms.get(name);
                if (room != null) {
                    room.shutdown();
                }
            });
        }
        if (lanes.close(DRAIN_TIMEOUT) > 0) {
            LOG.warn("places: stopped with place events unfinished after {} s", DRAIN_TIMEOUT.toSeconds());
        }
        storage.shutdownNow();
        rooms.clear();
    }

    // ---------------------------------------------------------------- activities (DS, any thread)

    @Reference(name = "activity", service = PlaceActivity.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeActivity")
    void addActivity(PlaceActivity activity) {
        activities.add(activity);
        // "Enters every place": the open ones now, on their lanes; places opening later take it then.
        for (String name : rooms.keySet()) {
            onLane(name, room -> room.activityAdded(activity));
        }
        LOG.info("places: activity {} enters every place", Activities.nameOf(activity));
    }

    void removeActivity(PlaceActivity activity) {
        activities.remove(activity);
        for (String name : rooms.keySet()) {
            onLane(name, room -> room.activityRemoved(activity));
        }
        LOG.info("places: activity {} left the places", Activities.nameOf(activity));
    }

    private void onLane(String name, Consumer<Room> action) {
        lanes.submit(name, () -> {
            Room room = rooms.get(name);
            if (room != null) {
                action.accept(room);
            }
        });
    }

    // ---------------------------------------------------------------- channel events (network threads)

    @Override
    public int serviceType() {
        return ServiceType.PLACE;
    }

    @Override
    public void channelCreated(ServiceChannel channel) {
        Login login = channel.login();
        if (channel.protoType() != PlaceMessages.PROTO_TYPE) {
            refuseEntry(channel, ErrorCode.ERR_PROTOCOL_NO_SUPPORT,
                    "proto type 0x" + Integer.toHexString(channel.protoType()) + ", only 0x0 is served");
            return;
        }
        if (channel.protoVersion() != PlaceMessages.PROTO_VERSION) {
            refuseEntry(channel, ErrorCode.ERR_VERSION_NO_SUPPORT,
                    "proto version 0x" + Integer.toHexString(channel.protoVersion()) + ", only 0x5 is served");
            return;
        }
        CreateData create;
        try {
            create = PlaceMessages.parseCreate(channel.createData());
        } catch (ProtocolException e) {
            refuseEntry(channel, ErrorCode.ERR_REQUEST_INVALID, "malformed creation data: " + e.getMessage());
            return;
        }
        PlaceLimits now = limits;
        int nameLength = PlaceLimits.lengthOf(create.name());
        if (nameLength == 0 || nameLength > now.maxNameLength()) {
            refuseEntry(channel, ErrorCode.ERR_REQUEST_INVALID, "place name of " + nameLength
                    + " characters, allowed 1.." + now.maxNameLength() + " (max.name.length)");
            return;
        }
        int titleLength = PlaceLimits.lengthOf(create.title());
        if (titleLength > now.maxTitleLength()) {
            refuseEntry(channel, ErrorCode.ERR_REQUEST_INVALID, "title of " + titleLength
                    + " characters, allowed " + now.maxTitleLength() + " (max.title.length)");
            return;
        }
        Occupant occupant = new Occupant(channel, create.name(), create.title());
        channel.attach(occupant);
        if (!lanes.submit(create.name(), () -> enter(occupant))) {
            refuseEntry(channel, ErrorCode.ERR_SERVICE_NO_SUPPORT, "the places service is stopping");
            return;
        }
        LOG.debug("places: {} (login {}) enters place '{}'", login.userId(), login.loginId(), create.name());
    }

    @Override
    public void received(ServiceChannel channel, int msgType, byte[] data) {
        if (channel.attachment() instanceof Occupant occupant) {
            lanes.submit(occupant.placeName, () -> {
                if (occupant.room != null) {
                    occupant.room.received(occupant, msgType, data);
                }
            });
        }
    }

    @Override
    public void channelClosed(ServiceChannel channel, int reason, byte[] data) {
        if (channel.attachment() instanceof Occupant occupant) {
            lanes.submit(occupant.placeName, () -> {
                occupant.gone = true;
                if (occupant.room != null) {
                    occupant.room.leave(occupant);
                }
            });
        }
    }

    private void refuseEntry(ServiceChannel channel, int reason, String why) {
        Login login = channel.login();
        LOG.warn("places: refusing the place channel of {} (login {}) with {}: {}", login.userId(), login.loginId(),
                ErrorCode.name(reason), why);
        channel.close(reason);
    }

    // ---------------------------------------------------------------- places (lanes)

    /** On the place's lane: the first entry creates the room and starts loading its definition. */
    private void enter(Occupant occupant) {
        if (occupant.gone || !occupant.channel.isOpen()) {
            return; // the client gave up before its turn came
        }
        String name = occupant.placeName;
        Room room = rooms.get(name);
        if (room == null) {
            room = new Room(name, activities, () -> limits, closed -> rooms.remove(name, closed));
            rooms.put(name, room);
            load(room, occupant.requestedTitle);
        }
        room.enter(occupant);
    }

    /** Reads or creates the definition off the lane; the outcome comes back to the lane in order. */
    private void load(Room room, String requestedTitle) {
        String name = room.name();
        try {
            storage.execute(() -> {
                String title;
                try {
                    title = definitions.openOrCreate(name, requestedTitle);
                } catch (RuntimeException e) {
                    lanes.submit(name, () -> room.definitionFailed(e));
                    return;
                }
                lanes.submit(name, () -> room.definitionLoaded(title));
            });
        } catch (RejectedExecutionException e) {
            room.definitionFailed(e); // stopping; we are on the lane already
        }
    }

    /** For tests and administrators: the live places by name. */
    Map<String, Room> livePlaces() {
        return Map.copyOf(rooms);
    }
}
