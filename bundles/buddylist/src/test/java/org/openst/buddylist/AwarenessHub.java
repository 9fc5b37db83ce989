package org.openst.buddylist;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.openst.hub.core.TestHub;

/** A real hub with the awareness service added as DS would add it (provider and listener). */
final class AwarenessHub implements AutoCloseable {
    static final String LOOKUP_THREAD = "test-buddylist-lookup";

    final TestHub hub;
    final ExecutorService lookups = Executors.newSingleThreadExecutor(r -> new Thread(r, LOOKUP_THREAD));
    final AwarenessService service;

    AwarenessHub() throws IOException {
        this(AwarenessSettings.defaults(), GroupMembers.NONE);
    }

    AwarenessHub(AwarenessSettings settings, GroupMembers groups) throws IOException {
        hub = new TestHub();
        service = new AwarenessService(hub.community(), settings, groups, lookups);
        hub.addService(service);
        hub.addListener(service);
    }

    /** Waits until every group look-up submitted so far has finished. */
    void drainLookups() throws Exception {
        lookups.submit(() -> { }).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        hub.close();
        service.close();
        lookups.shutdownNow();
    }
}
