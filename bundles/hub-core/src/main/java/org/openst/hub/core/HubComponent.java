package org.openst.hub.core;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openst.hub.api.ChannelRequest;
import org.openst.hub.api.Community;
import org.openst.hub.api.CommunityListener;
import org.openst.hub.api.Login;
import org.openst.hub.api.LoginAuthority;
import org.openst.hub.api.ServiceChannel;
import org.openst.hub.api.ServiceProvider;
import org.openst.hub.core.net.HubAcceptor;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.PrivacyInfo;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub in the OSGi framework: builds the {@link Hub} from configuration, opens the listener,
 * registers {@link Community}, and follows server applications, community listeners and the
 * directory as they come and go. All three references are dynamic so that none of them ever
 * restarts the hub (which would log everybody out).
 */
@Component(service = Community.class, immediate = true, configurationPid = HubConfig.PID)
@Designate(ocd = HubConfig.class)
public final class HubComponent implements Community {
    private static final Logger LOG = LoggerFactory.getLogger(HubComponent.class);

    private final Hub hub;
    private final HubAcceptor acceptor;

    @Activate
    public HubComponent(HubConfig config) throws IOException {
        HubSettings settings = validated(config);
        if (settings == null) {
            throw new IllegalArgumentException("invalid configuration " + HubConfig.PID + " (see the log line above)");
        }
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
        HubSettings next = validated(config);
        if (next == null) {
            return;
        }
        HubSettings previous = hub.settings();
        hub.update(next);
        if (next.port() != previous.port() || !next.bindAddress().equals(previous.bindAddress())) {
            try {
                acceptor.rebind(next);
            } catch (IOException e) {
                LOG.error("{}: cannot listen on {}:{} ({}); staying on {}:{}", HubConfig.PID, next.bindAddress(),
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

    private static HubSettings validated(HubConfig config) {
        try {
            return HubSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("{}: refused configuration: {}", HubConfig.PID, e.getMessage());
            return null;
        }
    }

    // ---------------------------------------------------------------- dynamic references

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindLoginAuthority(LoginAuthority authority) {
        hub.authorityAdded(authority);
    }

    void unbindLoginAuthority(LoginAuthority authority) {
        hub.authorityRemoved(authority);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindServiceProvider(ServiceProvider provider, Map<String, Object> properties) {
        hub.serviceAdded(provider, ranking(properties), (Long) properties.get(Constants.SERVICE_ID));
    }

    void unbindServiceProvider(ServiceProvider provider) {
        hub.serviceRemoved(provider);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCommunityListener(CommunityListener listener) {
        hub.listenerAdded(listener);
    }

    void unbindCommunityListener(CommunityListener listener) {
        hub.listenerRemoved(listener);
    }

    private static int ranking(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_RANKING) instanceof Integer r ? r : 0;
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
    public boolean pushPrivacy(String loginId, PrivacyInfo privacy) {
        return hub.pushPrivacy(loginId, privacy);
    }

    @Override
    public ServiceChannel openChannel(Login target, ChannelRequest request, ServiceProvider handler) {
        return hub.openChannel(target, request, handler);
    }
}
