package org.openst.hub.core;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import org.openst.hub.api.Community;
import org.openst.hub.api.CommunityListener;
import org.openst.hub.api.ImObserver;
import org.openst.hub.api.LoginAuthority;
import org.openst.hub.api.PrivacySource;
import org.openst.hub.api.ServiceProvider;
import org.openst.hub.core.net.HubAcceptor;
import org.openst.protocol.ErrorCode;

/**
 * A real hub on a free loopback port, without OSGi, for tests of the hub and of service bundles
 * (published in hub-core's test-jar). Services and listeners are added as DS would bind them.
 */
public final class TestHub implements AutoCloseable {
    final Hub hub;
    final MapAuthority authority = MapAuthority.demo();
    private final HubAcceptor acceptor;
    private final AtomicLong serviceIds = new AtomicLong(1000);

    public TestHub(HubSettings settings) throws IOException {
        hub = new Hub(settings);
        hub.authorityAdded(authority);
        acceptor = new HubAcceptor(hub);
        acceptor.bind(settings);
    }

    public TestHub() throws IOException {
        this(HubSettings.defaults(0));
    }

    public int port() {
        return acceptor.port();
    }

    /** The hub as server applications see it. */
    public Community community() {
        return hub;
    }

    /** The demo users (alice, bob, carol; password = name + "-pw"); add users or guests here. */
    public MapAuthority authority() {
        return authority;
    }

    /** Replaces the login authority, as a higher-ranked one would. */
    public void setAuthority(LoginAuthority replacement) {
        hub.authorityAdded(replacement);
    }

    public void removeAuthority(LoginAuthority current) {
        hub.authorityRemoved(current);
    }

    /** Binds the privacy source that gives logins their stored list (as DS binds the highest-ranked one). */
    public void setPrivacySource(PrivacySource source) {
        hub.privacySourceAdded(source);
    }

    public void removePrivacySource(PrivacySource source) {
        hub.privacySourceRemoved(source);
    }

    public void addService(ServiceProvider provider) {
        hub.serviceAdded(provider, 0, serviceIds.incrementAndGet());
    }

    public void removeService(ServiceProvider provider) {
        hub.serviceRemoved(provider);
    }

    public void addListener(CommunityListener listener) {
        hub.listenerAdded(listener);
    }

    public void removeListener(CommunityListener listener) {
        hub.listenerRemoved(listener);
    }

    /** Registers an IM observer: IM channels created from now on are terminated by the hub. */
    public void addImObserver(ImObserver observer) {
        hub.imObserverAdded(observer);
    }

    public void removeImObserver(ImObserver observer) {
        hub.imObserverRemoved(observer);
    }

    @Override
    public void close() {
        hub.shutdown(ErrorCode.CONNECTION_CLOSED);
        acceptor.dispose();
    }
}
