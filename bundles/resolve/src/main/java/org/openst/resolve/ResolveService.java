package org.openst.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.openst.directory.api.Directory;
import org.openst.hub.api.ServiceChannel;
import org.openst.hub.api.ServiceProvider;
import org.openst.protocol.ServiceType;
import org.openst.support.channel.ChannelRequests;
import org.openst.support.config.ConfigGate;
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
 * The resolve service (spec §6.5, service {@code 0x15}, protocol {@code 0x15}/0): clients ask it to
 * turn names into user and group IDs, Pidgin at "add buddy", "search for user" and "add group".
 *
 * <p>Requests are parsed on the network thread; the directory calls, which may block, run on this
 * component's bounded workers, one channel's requests at a time so responses keep request order.
 */
@Component(name = ResolveService.PID, configurationPid = ResolveService.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = ServiceProvider.class)
@Designate(ocd = ResolveService.Config.class)
public final class ResolveService implements ServiceProvider {

    static final String PID = "org.openst.resolve";
    /** The protocol type Meanwhile opens resolve channels with (spec §6.0). */
    static final int PROTO_TYPE = 0x00000015;

    private static final Logger LOG = LoggerFactory.getLogger(ResolveService.class);
    /** Attached to the channels this service accepted; a refused channel loses it, so what follows is dropped. */
    private static final Object ACCEPTED = new Object();

    @ObjectClassDefinition(name = "OpenST resolve service",
            description = "Resolves names to user and group IDs through the directory (Sametime service 0x15).")
    @interface Config {
        @AttributeDefinition(name = "Matches per query", description = "The most matches listed for one name.", min = "1")
        int max_matches() default 50;

        @AttributeDefinition(name = "Queries per request", description = "A request with more names is refused "
                + "as invalid (its channel is closed).", min = "1")
        int max_queries() default 100;

        @AttributeDefinition(name = "Worker threads", description = "Threads that call the directory.", min = "1")
        int threads() default 2;

        @AttributeDefinition(name = "Waiting channels", description = "Channels whose requests may wait for a worker; "
                + "beyond that, requests are answered 'busy' (ERR_STARVING).", min = "1")
        int queue_size() default 1000;

        @AttributeDefinition(name = "Unanswered requests per channel", description = "A client with more requests "
                + "waiting on one channel is flooding: its channel is closed with ERR_STARVING.", min = "1")
        int max_pending() default 1000;
    }

    private final AtomicReference<Directory> directory = new AtomicReference<>();
    private final ConfigGate<Config, ResolveSettings> gate = new ConfigGate<>(PID, Config.class,
            ResolveSettings::from, LOG);
    private final ChannelRequests requests;
    private volatile ResolveSettings settings;
    private volatile NameResolver resolver;

    @Activate
    public ResolveService(Config config) {
        this.settings = gate.initial(config);
        this.resolver = new NameResolver(settings.maxMatches());
        this.requests = new ChannelRequests("Resolve", "openst-resolve", settings.threads(), settings.queueSize(),
                settings.maxPending());
    }

    /**
     * Limits and threads apply at once; queue.size and max.pending when the bundle restarts. A bad
     * value is refused (logged) and the old settings stay.
     */
    @Modified
    void modified(Config config) {
        gate.next(config).ifPresent(next -> {
            settings = next;
            resolver = new NameResolver(next.maxMatches());
            requests.reconfigure(PID, "org.openst.resolve", next.threads(), next.queueSize(), next.maxPending());
        });
    }

    /** The settings in force; for tests. */
    ResolveSettings settings() {
        return settings;
    }

    /** The highest-ranked directory; a better one replaces it at run time (greedy). */
    @Reference(name = "directory", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindDirectory")
    void bindDirectory(Directory d) {
        directory.set(d);
        LOG.info("Resolving names with {}", d.describe());
    }

    void unbindDirectory(Directory d) {
        if (directory.compareAndSet(d, null)) {
            LOG.info("No directory: names are answered with failure results until one is registered");
        }
    }

    @Deactivate
    void deactivate() {
        requests.stop();
    }

    @Override
    public int serviceType() {
        return ServiceType.RESOLVE;
    }

    @Override
    public void channelCreated(ServiceChannel channel) {
        if (requests.acceptsProtoType(channel, PROTO_TYPE)) {
            channel.attach(ACCEPTED);
            channel.accept(null);
        }
    }

    @Override
    public void received(ServiceChannel channel, int msgType, byte[] data) {
        if (channel.attachment() != ACCEPTED) {
            return; // not one of ours, or already refused
        }
        if (msgType != ResolveRequest.MSG_RESOLVE) {
            refuse(channel, "unknown message type 0x" + Integer.toHexString(msgType));
            return;
        }
        ResolveRequest request;
        try {
            request = ResolveRequest.parse(data, settings.maxQueries());
        } catch (ResolveRequest.Malformed e) {
            refuse(channel, e.getMessage());
            return;
        }
        requests.submit(channel, request.requestId(), () -> answer(channel, request),
                () -> channel.send(ResolveRequest.MSG_RESOLVE, ResolveResponse.encode(request.requestId(),
                        failures(request, ResolveCodes.BUSY))));
    }

    @Override
    public void channelClosed(ServiceChannel channel, int reason, byte[] data) {
        if (channel.attachment() == ACCEPTED) {
            requests.closed(channel);
        }
    }

    /** Bad input closes this channel only (Meanwhile then senses the service and opens a new one, §6.0). */
    private void refuse(ServiceChannel channel, String why) {
        channel.attach(null);
        requests.refuse(channel, why);
    }

    /** Runs on a worker. */
    private void answer(ServiceChannel channel, ResolveRequest request) {
        if (!channel.isOpen()) {
            return;
        }
        Directory d = directory.get();
        List<ResolveResult> results;
        if (d == null) {
            results = failures(request, ResolveCodes.NO_DIRECTORY);
        } else {
            results = new ArrayList<>(request.queries().size());
            for (String query : request.queries()) {
                results.add(resolveOne(d, query, request.flags()));
            }
        }
        channel.send(ResolveRequest.MSG_RESOLVE, ResolveResponse.encode(request.requestId(), results));
    }

    private ResolveResult resolveOne(Directory d, String query, int flags) {
        try {
            return resolver.resolve(d, query, flags);
        } catch (RuntimeException e) {
            LOG.warn("Resolve: {} failed on '{}'", d.describe(), query, e);
            return ResolveResult.failure(ResolveCodes.NO_DIRECTORY, query);
        }
    }

    private static List<ResolveResult> failures(ResolveRequest request, int code) {
        List<ResolveResult> results = new ArrayList<>(request.queries().size());
        for (String query : request.queries()) {
            results.add(ResolveResult.failure(code, query));
        }
        return results;
    }
}
