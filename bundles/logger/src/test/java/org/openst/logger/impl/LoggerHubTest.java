package org.openst.logger.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openst.client.ClientOptions;
import org.openst.client.ImConversation;
import org.openst.client.LoginRefusedException;
import org.openst.client.SametimeClient;
import org.openst.client.ServiceChannelHandle;
import org.openst.hub.core.Awaits;
import org.openst.hub.core.Clients;
import org.openst.hub.core.TestHub;
import org.openst.storage.api.StatEvent;
import org.openst.support.testing.MutableClock;

/** End to end: real clients on a real hub, the Logger as its community listener, a store double. */
class LoggerHubTest {
    private static final Duration WAIT = Clients.WAIT;
    private static final Instant HOUR = Instant.parse("2026-11-24T10:00:00Z");

    private final MutableClock clock = MutableClock.at("2026-11-24T10:15:00Z");
    private final InMemoryStatisticsStore store = new InMemoryStatisticsStore();

    @Test
    void loginsRefusalsImsAndServiceChannelsBecomeStatistics() throws Exception {
        try (TestHub hub = new TestHub()) {
            LoggerComponent logger = new LoggerComponent(hub.community(), LoggerSettings.defaults(), clock);
            logger.bindStore(store);
            hub.addListener(logger);
            hub.addService(new EchoService());

            try (SametimeClient wrong = SametimeClient.connect("127.0.0.1", hub.port(), ClientOptions.defaults())) {
                assertThrows(LoginRefusedException.class, () -> wrong.login("alice", "not-her-password"));
            }
            try (Clients alice = Clients.login(hub, "alice", "alice-pw"); Clients bob = Clients.login(hub, "bob", "bob-pw")) {
                ImConversation toBob = alice.client().openIm("bob");
                bob.events().awaitConversation(WAIT);
                toBob.sendText("hello");
                bob.events().awaitIm(WAIT);

                ServiceChannelHandle echo = alice.client().openServiceChannel(EchoService.SERVICE, EchoService.SERVICE, 0,
                        new byte[0]);
                echo.send(1, new byte[] {42});
                echo.receive(WAIT);

                clock.advance(Duration.ofMinutes(1));
                logger.sampleNow();
            }
            Map<String, Long> expected = Map.of("login", 2L, "login.failed", 1L, "logout", 2L,
                    "channel.0x1000", 1L, "channel.0x7e57", 1L, "messages.0x1000", 1L, "messages.0x7e57", 1L);
            Awaits.until(() -> {
                logger.flushNow();
                return expected.equals(logger.totals(HOUR, HOUR.plus(Duration.ofHours(1))));
            }, "the statistics " + expected);
            hub.removeListener(logger);
            logger.deactivate();
        }
        // Written, at the start of their minutes (the logouts came after the clock moved on).
        assertEquals(Map.of(HOUR.plus(Duration.ofMinutes(15)), 7L, HOUR.plus(Duration.ofMinutes(16)), 2L),
                store.rows.stream().collect(Collectors.groupingBy(StatEvent::at, Collectors.summingLong(StatEvent::count))));
    }

    /** A configuration as DS would build it from a .cfg file. */
    record Cfg(int sample_seconds, int flush_seconds, int retention_days, int max_queued_rows)
            implements LoggerComponent.Config {
        @Override
        public Class<? extends Annotation> annotationType() {
            return LoggerComponent.Config.class;
        }
    }

    @Test
    void theTimersSampleAndFlushOnTheirOwn() throws Exception {
        try (TestHub hub = new TestHub()) {
            // The DS constructor: real clock and timers (no BundleContext outside OSGi).
            LoggerComponent logger = new LoggerComponent(hub.community(), null, new Cfg(1, 1, 365, 1000));
            logger.bindStore(store);
            hub.addListener(logger);
            try (Clients alice = Clients.login(hub, "alice", "alice-pw"); Clients bob = Clients.login(hub, "bob", "bob-pw")) {
                alice.client().openIm("bob").sendText("counted by the sampler");
                bob.events().awaitIm(WAIT);
                Awaits.until(() -> store.sum("login") == 2 && store.sum("messages.0x1000") == 1,
                        "two logins and one IM written by the timers: " + store.rows);
            } finally {
                hub.removeListener(logger);
                logger.deactivate();
            }
        }
    }
}
