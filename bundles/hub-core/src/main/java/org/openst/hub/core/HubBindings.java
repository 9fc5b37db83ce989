package org.openst.hub.core;

import java.util.Map;

import org.openst.hub.api.CommunityListener;
import org.openst.hub.api.ImObserver;
import org.openst.hub.api.LoginAuthority;
import org.openst.hub.api.PrivacySource;
import org.openst.hub.api.ServiceProvider;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Follows the services the running hub uses as they come and go: the login authority, the
 * privacy source, server applications, community listeners and IM observers. All references are
 * dynamic so that none of them ever restarts the hub (which would log everybody out).
 *
 * <p>A component of its own, activated once {@link HubComponent} exists: most of these services
 * require {@code Community}, so binding them while the hub component itself was being created
 * (as when it held these references) made SCR log "Circular reference detected" and retry.
 * Bound here, they find {@code Community} already created.
 */
@Component(immediate = true)
public final class HubBindings {
    private final Hub hub;

    @Activate
    public HubBindings(@Reference(name = "hub") HubComponent component) {
        this.hub = component.hub();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindLoginAuthority(LoginAuthority authority) {
        hub.authorityAdded(authority);
    }

    void unbindLoginAuthority(LoginAuthority authority) {
        hub.authorityRemoved(authority);
    }

    /** The stored privacy list every login starts with (hub-api 1.2). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindPrivacySource(PrivacySource source) {
        hub.privacySourceAdded(source);
    }

    void unbindPrivacySource(PrivacySource source) {
        hub.privacySourceRemoved(source);
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

    /** While at least one is bound, new IM channels are terminated by the hub (see README). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindImObserver(ImObserver observer) {
        hub.imObserverAdded(observer);
    }

    void unbindImObserver(ImObserver observer) {
        hub.imObserverRemoved(observer);
    }

    private static int ranking(Map<String, Object> properties) {
        return properties.get(Constants.SERVICE_RANKING) instanceof Integer r ? r : 0;
    }
}
