package org.openst.hub.core;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openst.hub.api.ChannelRequest;
import org.openst.hub.api.Community;
import org.openst.hub.api.Login;
import org.openst.hub.api.ServiceChannel;
import org.openst.hub.api.ServiceProvider;
import org.openst.hub.core.net.HubAcceptor;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.PrivacyInfo;
import org.openst.support.config.ConfigGate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub in the OSGi framework: builds the {@link Hub} from configuration, opens the listener
 * and registers {@link Community}. The services the hub uses (login authority, privacy source,
 * server applications, community listeners, IM observers) are bound by {@link HubBindings}, a
 * second component, so that this one has no references: most of those services need
 * {@code Community} themselves, and binding them while this component is being created made SCR
 * report a circular reference. The component is also registered under its own class (not
 * exported) for {@link HubBindings} alone.
 */
@Component(service = { Community.class, HubComponent.class }, immediate = true, configurationPid = HubConfig.PID)
@Designate(ocd = HubConfig.class)
public final class HubComponent implements Community {
    private static final Logger LOG = LoggerFactory.getLogger(HubComponent.class);

    private final ConfigGate<HubConfig, HubSettings> gate = new ConfigGate<>(HubConfig.PID, HubConfig.class,
            HubSettings::from, LOG);
    private final Hub hub;
    private final HubAcceptor acceptor;

    /**
     * A refused configuration starts the hub on the built-in defaults (logged); only a port that
     * cannot be bound leaves it stopped.
     */
    @Activate
    public HubComponent(HubConfig config) throws IOException {
        HubSettings settings = gate.initial(config);
        hub = new Hub(settings);
        acceptor = new HubAcceptor(hub);
        try {
            acceptor.bind(settings);
        } catch (IOException e) {
            hub.shutdown(ErrorCode.CONNECTION_CLOSED);
            acceptor.dispose();
            throw new IOException("cannot listen on " + settings.bindAddress() + ":" + settings.port() + ": " + e, e);
        }
        LOG.info("hub {} of community {} started", settings.hubId(), settings.community());
    }

    /**
     * Applies a changed configuration without logging anybody out; a new port or address moves
     * the listener. Bad values are refused and the old configuration stays in force.
     */
    @Modified
    void modified(HubConfig config) {
        HubSettings next = gate.next(config).orElse(null);
        if (next == null) {
            return;
        }
        HubSettings previous = hub.settings();
        hub.update(next);
        if (next.port() != previous.port() || !next.bindAddress().equals(previous.bindAddress())) {
            try {
                acceptor.rebind(next);
            } catch (IOException e) {
                LOG.error("{}: refused port/bind.address: cannot listen on {}:{} ({}); staying on {}:{}", HubConfig.PID, next.bindAddress(),
                        next.port(), e.getMessage(), previous.bindAddress(), previous.port());
                hub.update(previous);
                try {
                    acceptor.rebind(previous);
                } catch (IOException again) {
                    LOG.error("{}: cannot listen on the previous address either: {}", HubConfig.PID, again.getMessage());
                }
            }
        }
    }

    @Deactivate
    void deactivate() {
        // Spec §7.3: a server shutdown is CONNECTION_CLOSED, which Pidgin answers by reconnecting.
        hub.shutdown(ErrorCode.CONNECTION_CLOSED);
        acceptor.dispose();
        LOG.info("hub stopped");
    }

    /** The port the listener is bound to; for tests. */
    int port() {
        return acceptor.port();
    }

    /** The hub, for {@link HubBindings}. */
    Hub hub() {
        return hub;
    }

    // ---------------------------------------------------------------- Community, delegated

    @Override
    public String hubId() {
        return hub.hubId();
    }

    @Override
    public String communityName() {
        return hub.communityName();
    }

    @Override
    public Collection<Login> logins() {
        return hub.logins();
    }

    @Override
    public List<Login> loginsOf(String userId) {
        return hub.loginsOf(userId);
    }

    @Override
    public Optional<Login> login(String loginId) {
        return hub.login(loginId);
    }

    @Override
    public int broadcastAdminMessage(String text) {
        return hub.broadcastAdminMessage(text);
    }

    @Override
    public int sendAdminMessage(String userId, String text) {
        return hub.sendAdminMessage(userId, text);
    }

    @Override
    public boolean kick(String loginId, int reason) {
        return hub.kick(loginId, reason);
    }

    @Override
    public Map<Integer, Long> messageCounts() {
        return hub.messageCounts();
    }

    @Override
    public boolean pushPrivacy(String loginId, PrivacyInfo privacy) {
        return hub.pushPrivacy(loginId, privacy);
    }

    @Override
    public ServiceChannel openChannel(Login target, ChannelRequest request, ServiceProvider handler) {
        return hub.openChannel(target, request, handler);
    }
}
