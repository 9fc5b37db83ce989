package org.openst.hub.core;

import java.io.IOException;

import org.openst.hub.core.net.HubAcceptor;
import org.openst.protocol.ErrorCode;

/** A real hub on a free loopback port, without OSGi, for tests. */
final class TestHub implements AutoCloseable {
    final Hub hub;
    final MapDirectory directory = MapDirectory.demo();
    private final HubAcceptor acceptor;

    TestHub(HubSettings settings) throws IOException {
        hub = new Hub(settings);
        hub.directoryAdded(directory);
        acceptor = new HubAcceptor(hub);
        acceptor.bind(settings);
    }

    TestHub() throws IOException {
        this(HubSettings.defaults(0));
    }

    int port() {
        return acceptor.port();
    }

    @Override
    public void close() {
        hub.shutdown(ErrorCode.CONNECTION_CLOSED);
        acceptor.dispose();
    }
}
