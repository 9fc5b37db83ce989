package org.openst.places.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.openst.hub.core.Clients;
import org.openst.hub.core.TestHub;

/**
 * A real hub with the places component built with {@code new} (as DS would, without OSGi) on an
 * in-memory {@link org.openst.storage.api.ConfigRecords}, and the clients a test logged in.
 */
final class PlacesFixture implements AutoCloseable {
    final InMemoryConfigRecords records = new InMemoryConfigRecords();
    final TestHub hub;
    private final List<Clients> clients = new ArrayList<>();
    private PlacesComponent.Config config;
    PlacesComponent places;

    PlacesFixture(PlacesComponent.Config config) throws IOException {
        hub = new TestHub();
        start(config);
    }

    PlacesFixture() throws IOException {
        this(TestConfigs.defaults());
    }

    void start(PlacesComponent.Config c) {
        config = c;
        places = new PlacesComponent(hub.community(), records, c);
        hub.addService(places);
    }

    /** Stops the component as DS would: the hub drops the provider (destroying its channels), then deactivate. */
    void stop() {
        hub.removeService(places);
        places.deactivate();
    }

    /** A new component instance on the same store, as after a restart of the bundle. */
    void restart() {
        stop();
        start(config);
    }

    Clients login(String user) throws IOException {
        Clients c = Clients.login(hub, user, user + "-pw");
        clients.add(c);
        return c;
    }

    @Override
    public void close() {
        clients.forEach(Clients::close);
        stop();
        hub.close();
    }
}
