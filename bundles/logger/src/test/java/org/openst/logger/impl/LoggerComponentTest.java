package org.openst.logger.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openst.protocol.ErrorCode;
import org.openst.storage.api.StatEvent;
import org.openst.storage.api.StatTotal;
import org.openst.support.testing.FakeLogin;
import org.openst.support.testing.MutableClock;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.openst.support.testing.FakeCommunity;

/** The component without OSGi: events in, rows out; the test drives sampling, flushing and retention. */
class LoggerComponentTest {
    private static final Instant MINUTE = Instant.parse("2026-11-24T10:15:00Z");

    private final MutableClock clock = MutableClock.at("2026-11-24T10:15:00Z");
    private final FakeCommunity community = new FakeCommunity();
    private final InMemoryStatisticsStore store = new InMemoryStatisticsStore();

    private LoggerComponent logger() {
        LoggerComponent logger = new LoggerComponent(community, LoggerSettings.defaults(), clock);
        logger.bindStore(store);
        return logger;
    }

    @Test
    void communityEventsBecomeTheirKinds() {
        LoggerComponent logger = logger();
        FakeLogin alice = FakeLogin.of("alice");
        logger.loggedIn(alice);
        logger.loggedIn(alice);
        logger.loggedOut(alice, 0);
        logger.loginRefused("alice", new InetSocketAddress("127.0.0.1", 4000), ErrorCode.INCORRECT_LOGIN);
        logger.channelOpened(alice, 0x1000);
        logger.channelOpened(alice, 0x11);
        logger.channelOpened(alice, 0x1000);
        logger.statusChanged(alice, alice.status()); // not a statistic
        logger.flushNow();
        assertEquals(Map.of("login", 2L, "logout", 1L, "login.failed", 1L, "channel.0x1000", 2L, "channel.0x11", 1L),
                logger.totals(MINUTE, MINUTE.plus(Duration.ofHours(1))));
    }

    @Test
    void messagesAreTheDeltasOfTheHubsCounts() {
        community.counts = Map.of(0x1000, 100L); // before the Logger started: not logged
        LoggerComponent logger = logger();
        clock.advance(Duration.ofMinutes(1));
        community.counts = Map.of(0x1000, 103L, 0x7E57, 1L);
        logger.sampleNow();
        clock.advance(Duration.ofMinutes(1));
        logger.sampleNow(); // nothing new: no row
        clock.advance(Duration.ofMinutes(1));
        community.counts = Map.of(0x1000, 104L, 0x7E57, 1L);
        logger.sampleNow();
        logger.flushNow();
        assertEquals(List.of(new StatEvent(MINUTE, "messages.0x1000", 3), new StatEvent(MINUTE, "messages.0x7e57", 1),
                new StatEvent(MINUTE.plus(Duration.ofMinutes(2)), "messages.0x1000", 1)), store.rows);
    }

    @Test
    void stoppingSamplesAndFlushesWhatIsLeft() {
        LoggerComponent logger = logger();
        logger.loggedIn(FakeLogin.of("bob"));
        clock.advance(Duration.ofSeconds(30));
        community.counts = Map.of(0x1000, 2L);
        logger.deactivate();
        assertEquals(1, store.sum("login"));
        assertEquals(2, store.sum("messages.0x1000"));
    }

    @Test
    void bundleEventsAreCounted() {
        LoggerComponent logger = logger();
        Bundle bundle = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> method.getName().equals("getSymbolicName") ? "org.openst.places" : null);
        logger.bundleChanged(new BundleEvent(BundleEvent.INSTALLED, bundle));
        logger.bundleChanged(new BundleEvent(BundleEvent.RESOLVED, bundle));
        logger.bundleChanged(new BundleEvent(BundleEvent.STARTING, bundle));
        logger.bundleChanged(new BundleEvent(BundleEvent.STARTED, bundle));
        logger.bundleChanged(new BundleEvent(BundleEvent.UPDATED, bundle));
        logger.bundleChanged(new BundleEvent(BundleEvent.STOPPED, bundle));
        logger.bundleChanged(new BundleEvent(BundleEvent.UNINSTALLED, bundle));
        logger.flushNow();
        assertEquals(Map.of("bundle.installed", 1L, "bundle.started", 1L, "bundle.updated", 1L, "bundle.stopped", 1L,
                "bundle.uninstalled", 1L), logger.totals(MINUTE, MINUTE.plus(Duration.ofMinutes(1))));
    }

    @Test
    void totalsAreSummedOverHours() {
        LoggerComponent logger = logger();
        for (int hour = 0; hour < 3; hour++) {
            logger.loggedIn(FakeLogin.of("carol"));
            clock.advance(Duration.ofHours(1));
        }
        assertEquals(3, logger.totalsPerHour(MINUTE.minus(Duration.ofMinutes(15)), clock.instant()).size());
        assertEquals(Map.of("login", 3L), logger.totals(MINUTE, clock.instant()));
        assertEquals(Map.of("login", 2L), logger.totals(MINUTE.plus(Duration.ofMinutes(1)), clock.instant()));
    }

    @Test
    void theQueueIsWrittenWhenAStoreAppears() {
        LoggerComponent logger = new LoggerComponent(community, LoggerSettings.defaults(), clock);
        logger.loggedIn(FakeLogin.of("alice"));
        assertEquals(1, logger.flushNow());
        logger.unbindStore(store); // not bound: nothing happens
        logger.bindStore(store);
        assertEquals(0, logger.flushNow());
        assertEquals(1, store.sum("login"));
    }

    @Test
    void retentionDeletesEventsOlderThanTheConfiguredDays() {
        LoggerComponent logger = new LoggerComponent(community, new LoggerSettings(Duration.ofMinutes(1),
                Duration.ofSeconds(10), 2, 100), clock);
        logger.bindStore(store);
        logger.loggedIn(FakeLogin.of("alice"));
        logger.flushNow();
        clock.advance(Duration.ofDays(2));
        assertEquals(0, logger.purgeNow(), "exactly two days old is kept");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, logger.purgeNow());
        assertTrue(store.rows.isEmpty());
    }

    @Test
    void zeroRetentionKeepsEverything() {
        LoggerComponent logger = new LoggerComponent(community, new LoggerSettings(Duration.ofMinutes(1),
                Duration.ofSeconds(10), 0, 100), clock);
        logger.bindStore(store);
        logger.loggedIn(FakeLogin.of("alice"));
        logger.flushNow();
        clock.advance(Duration.ofDays(10_000));
        assertEquals(0, logger.purgeNow());
        assertEquals(List.of(new StatTotal(MINUTE.minus(Duration.ofMinutes(15)), "login", 1)),
                store.totalsPerHour(MINUTE.minus(Duration.ofHours(1)), MINUTE.plus(Duration.ofHours(1))));
    }
}
