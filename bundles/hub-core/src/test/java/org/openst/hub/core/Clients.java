package org.openst.hub.core;

import java.io.IOException;
import java.time.Duration;

import org.openst.client.ClientOptions;
import org.openst.client.EventCollector;
import org.openst.client.SametimeClient;

/** A logged-in Java client with its event collector, for hub tests. */
public record Clients(SametimeClient client, EventCollector events) implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(10);

    public static Clients login(TestHub hub, String user, String password) throws IOException {
        return login(hub, user, password, ClientOptions.builder());
    }

    public static Clients login(TestHub hub, String user, String password, ClientOptions.Builder options) throws IOException {
        EventCollector events = new EventCollector();
        SametimeClient client = SametimeClient.connect("127.0.0.1", hub.port(), options.listener(events).build());
        client.login(user, password);
        return new Clients(client, events);
    }

    @Override
    public void close() {
        client.close();
    }
}
