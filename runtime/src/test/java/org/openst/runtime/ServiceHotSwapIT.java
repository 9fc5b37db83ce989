package org.openst.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openst.client.BuddyListChannel;
import org.openst.client.ChannelRefusedException;
import org.openst.client.EventCollector;
import org.openst.client.ImConversation;
import org.openst.client.SametimeClient;
import org.openst.client.SametimeException;
import org.openst.client.StorageChannel;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.ServiceType;
import org.osgi.framework.Bundle;

/**
 * Issue 4's hot-swap promise, under traffic: while alice writes IMs to bob and carol saves
 * storage units, every service bundle of the community is stopped and started, updated, and
 * uninstalled and installed again. Only the swapped service's channels may close (with
 * ERR_SERVICE_NO_SUPPORT); nobody is logged out; afterwards the services serve again, bob got
 * every IM in order and every acknowledged storage unit is still there.
 */
class ServiceHotSwapIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** The bundles of issue 4, by symbolic name, and the service each provides (0 = none). */
    private static final Map<String, Integer> SWAPPED = Map.of(
            "org.openst.buddylist", ServiceType.AWARENESS,
            "org.openst.storage", ServiceType.STORAGE,
            "org.openst.storage-jdbc", ServiceType.STORAGE,
            "org.openst.resolve", ServiceType.RESOLVE,
            "org.openst.directory", 0x1A,
            "org.openst.privacy", 0,
            "org.openst.users", 0);

    @TempDir
    static Path tmp;
    static RunningHub hub;

    @BeforeAll
    static void start() throws Exception {
        hub = RunningHub.start(tmp.resolve("hub"), "hub.id = swap1\n");
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void everyServiceBundleIsSwappedUnderTrafficWithoutLosingAnything() throws Exception {
        EventCollector aliceEvents = new EventCollector();
        EventCollector bobEvents = new EventCollector();
        EventCollector carolEvents = new EventCollector();
        try (SametimeClient alice = hub.login("alice", "alice-pw", aliceEvents);
                SametimeClient bob = hub.login("bob", "bob-pw", bobEvents);
                SametimeClient carol = hub.login("carol", "carol-pw", carolEvents)) {
            ImTraffic im = new ImTraffic(alice.openIm("bob"), bobEvents);
            StorageTraffic storage = new StorageTraffic(carol, carolEvents);
            im.start();
            storage.start();
            try {
                for (Map.Entry<String, Integer> e : SWAPPED.entrySet()) {
                    swapThreeWays(e.getKey(), e.getValue(), bob, bobEvents);
                    assertTrue(alice.isConnected() && bob.isConnected() && carol.isConnected(),
                            "nobody is logged out by swapping " + e.getKey());
                }
                // Let both kinds of traffic make progress after the last swap before stopping it.
                int savedBefore = storage.acknowledged.size();
                Await.until("storage saves after the swaps", () -> storage.acknowledged.size() > savedBefore + 3,
                        () -> "failure: " + storage.failure.get());
            } finally {
                im.stop();
                storage.stop();
            }
            im.assertAllDelivered();
            storage.assertNothingLost(carol);
            // A login made now goes through the swapped users bundle and directory.
            try (SametimeClient late = hub.login("alice", "alice-pw", new EventCollector())) {
                assertTrue(late.isConnected());
            }
        }
    }

    /** Stop/start, update, uninstall/install one bundle; after each, its service serves again. */
    private void swapThreeWays(String symbolicName, int service, SametimeClient probe, EventCollector probeEvents)
            throws Exception {
        Bundle bundle = bundle(symbolicName);
        String location = bundle.getLocation();

        ServiceProbe before = ServiceProbe.open(probe, service);
        bundle.stop();
        before.assertClosedOnlyIfItsService();
        bundle.start();
        ServiceProbe.awaitServing(probe, probeEvents, service);

        before = ServiceProbe.open(probe, service);
        bundle.update();
        before.assertClosedOnlyIfItsService();
        ServiceProbe.awaitServing(probe, probeEvents, service);

        before = ServiceProbe.open(probe, service);
        bundle.uninstall();
        before.assertClosedOnlyIfItsService();
        hub.context().installBundle(location).start();
        ServiceProbe.awaitServing(probe, probeEvents, service);
        Await.until(symbolicName + " active again", () -> bundle(symbolicName).getState() == Bundle.ACTIVE,
                hub::bundleStates);
    }

    private static Bundle bundle(String symbolicName) {
        for (Bundle b : hub.context().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName + ": " + hub.bundleStates());
    }

    /** An awareness channel as a witness: it must close only when the awareness service goes. */
    private record ServiceProbe(BuddyListChannel awareness, int swappedService) {
        static ServiceProbe open(SametimeClient client, int swappedService) throws IOException {
            return new ServiceProbe(BuddyListChannel.open(client), swappedService);
        }

        void assertClosedOnlyIfItsService() throws IOException {
            if (swappedService == ServiceType.AWARENESS) {
                assertEquals(ErrorCode.ERR_SERVICE_NO_SUPPORT, awareness.channel().awaitClosed(WAIT));
            } else {
                // The channel still answers: the server processes this ADD after the swap.
                awareness.add("alice");
                awareness.await("alice", s -> s.online(), WAIT);
                awareness.channel().close();
            }
        }

        /** The service answers a new channel (after SENSE_SERVICE, as Meanwhile restarts it). */
        static void awaitServing(SametimeClient client, EventCollector events, int service) {
            if (service == 0) {
                return;
            }
            Await.until("service 0x" + Integer.toHexString(service) + " serves again", () -> {
                try {
                    client.openServiceChannel(service, protoTypeOf(service), protoVersionOf(service), new byte[0]).close();
                    return true;
                } catch (ChannelRefusedException e) {
                    return false;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, hub::bundleStates);
        }

        private static int protoTypeOf(int service) {
            return service == ServiceType.STORAGE ? 0x25 : service == 0x1A ? 0x1C : service;
        }

        private static int protoVersionOf(int service) {
            return service == ServiceType.AWARENESS ? 0x00030005 : service == ServiceType.STORAGE ? 1
                    : service == 0x1A ? 5 : 0;
        }
    }

    /** alice writes numbered IMs to bob until stopped; bob must get every one, in order. */
    private static final class ImTraffic {
        private final ImConversation toBob;
        private final EventCollector bobEvents;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile int sent;
        private Thread thread;

        ImTraffic(ImConversation toBob, EventCollector bobEvents) throws IOException {
            this.toBob = toBob;
            this.bobEvents = bobEvents;
            bobEvents.awaitConversation(WAIT);
        }

        void start() {
            thread = new Thread(() -> {
                try {
                    while (running.get()) {
                        toBob.sendText("m" + sent);
                        sent++;
                        // Paced by bob's receipt, so the hub is busy but never flooded.
                        assertEquals("m" + (sent - 1), bobEvents.awaitIm(WAIT).text());
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "im-traffic");
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(WAIT.toMillis());
        }

        void assertAllDelivered() {
            assertEquals(null, failure.get(), "IM traffic failed after " + sent + " messages");
            assertTrue(sent > 0, "IM traffic ran");
        }
    }

    /** carol saves numbered units until stopped, reopening the channel whenever the service went. */
    private static final class StorageTraffic {
        private final SametimeClient carol;
        private final EventCollector events;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Map<Long, byte[]> acknowledged = new ConcurrentHashMap<>();
        private Thread thread;

        StorageTraffic(SametimeClient carol, EventCollector events) {
            this.carol = carol;
            this.events = events;
        }

        void start() {
            thread = new Thread(() -> {
                long key = 5000;
                StorageChannel channel = null;
                try {
                    while (running.get()) {
                        try {
                            if (channel == null) {
                                channel = StorageChannel.open(carol);
                            }
                            byte[] value = ("unit " + key).getBytes(StandardCharsets.UTF_8);
                            if (channel.save(key, value) == 0) {
                                acknowledged.put(key, value);
                                key++;
                            }
                        } catch (SametimeException e) {
                            // The service went away (refused or closed): wait for it to come back.
                            channel = null;
                            events.pollSenseService(Duration.ofMillis(500));
                        }
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "storage-traffic");
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(WAIT.toMillis());
        }

        void assertNothingLost(SametimeClient client) throws IOException {
            assertEquals(null, failure.get(), "storage traffic failed");
            assertTrue(acknowledged.size() > 0, "storage traffic ran");
            StorageChannel check = StorageChannel.open(client);
            List<Long> keys = new ArrayList<>(acknowledged.keySet());
            for (long key : keys) {
                StorageChannel.Loaded loaded = check.load(key);
                assertEquals(0, loaded.result(), "unit " + key + " was acknowledged, so it must load");
                assertArrayEquals(acknowledged.get(key), loaded.value().orElseThrow(), "unit " + key);
            }
        }
    }
}
