package org.openst.logger.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openst.logger.api.Statistics;
import org.openst.storage.api.StatTotal;
import org.openst.storage.api.StorageException;
import org.openst.support.testing.MutableClock;

/** The table of {@code openst:stats}, character for character. */
class StatsCommandTest {
    private final MutableClock clock = MutableClock.at("2026-11-24T12:34:56Z");

    /** Answers with fixed totals and remembers the range asked. */
    static class FixedStatistics implements Statistics {
        final List<StatTotal> totals;
        final List<Instant> asked = new ArrayList<>();

        FixedStatistics(StatTotal... totals) {
            this.totals = List.of(totals);
        }

        @Override
        public List<StatTotal> totalsPerHour(Instant from, Instant to) {
            asked.add(from);
            asked.add(to);
            return totals.stream().filter(t -> !t.hour().isBefore(from) && t.hour().isBefore(to)).toList();
        }

        @Override
        public Map<String, Long> totals(Instant from, Instant to) {
            throw new UnsupportedOperationException();
        }
    }

    private static StatTotal total(String hour, String kind, long n) {
        return new StatTotal(Instant.parse("2026-11-24T" + hour + ":00:00Z"), kind, n);
    }

    @Test
    void summaryTableWithOneRowPerHourAndATotal() {
        FixedStatistics stats = new FixedStatistics(
                total("10", "login", 12), total("10", "logout", 10), total("10", "login.failed", 1),
                total("10", "messages.0x1000", 300), total("10", "messages.0x11", 40),
                total("10", "channel.0x1000", 20), total("10", "channel.0x11", 5),
                total("12", "login", 3), total("12", "bundle.started", 4), total("12", "bundle.stopped", 1),
                total("09", "login", 99)); // before the window
        assertEquals("""
                Statistics of the last 3 hours: logins, messages, channels and bundle changes
                hour (UTC)        login  logout  login.failed  messages  channels  bundles
                2026-11-24 10:00     12      10             1       340        25        0
                2026-11-24 11:00      0       0             0         0         0        0
                2026-11-24 12:00      3       0             0         0         0        5
                total                15      10             1       340        25        5
                """, new StatsCommand(stats, clock).stats(3));
        assertEquals(List.of(Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2026-11-24T13:00:00Z")), stats.asked);
    }

    @Test
    void theDefaultIsTheLast24Hours() {
        FixedStatistics stats = new FixedStatistics();
        String table = new StatsCommand(stats, clock).stats();
        assertEquals(1 + 1 + 24 + 1, table.lines().count());
        assertEquals(List.of(Instant.parse("2026-11-23T13:00:00Z"), Instant.parse("2026-11-24T13:00:00Z")), stats.asked);
    }

    @Test
    void oneKindOrOneFamily() {
        FixedStatistics stats = new FixedStatistics(total("11", "messages.0x1000", 7), total("12", "messages.0x11", 2000));
        StatsCommand command = new StatsCommand(stats, clock);
        assertEquals("""
                Statistics of the last 2 hours: messages.0x1000
                hour (UTC)        messages.0x1000
                2026-11-24 11:00                7
                2026-11-24 12:00                0
                total                           7
                """, command.stats("messages.0x1000", 2));
        assertEquals("""
                Statistics of the last 2 hours: messages.*
                hour (UTC)        messages.*
                2026-11-24 11:00           7
                2026-11-24 12:00        2000
                total                   2007
                """, command.stats("messages.*", 2));
        assertEquals(command.stats("messages.*", 2).lines().skip(2).toList(),
                command.stats("messages.", 2).lines().skip(2).toList());
    }

    @Test
    void aLoginColumnDoesNotCountRefusedLogins() {
        FixedStatistics stats = new FixedStatistics(total("12", "login.failed", 2));
        String last = new StatsCommand(stats, clock).stats("login", 1).lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.matches("total +0"), last);
    }

    @Test
    void hoursOutOfRangeAreRefused() {
        StatsCommand command = new StatsCommand(new FixedStatistics(), clock);
        assertThrows(IllegalArgumentException.class, () -> command.stats(0));
        assertThrows(IllegalArgumentException.class, () -> command.stats(StatsCommand.MAX_HOURS + 1));
        assertThrows(IllegalArgumentException.class, () -> command.stats(" ", 3));
    }

    @Test
    void noStoreIsSaidPlainly() {
        Statistics none = new FixedStatistics() {
            @Override
            public List<StatTotal> totalsPerHour(Instant from, Instant to) {
                throw new StorageException("no StatisticsStore service is available (3 rows of statistics are waiting in memory)");
            }
        };
        assertEquals("No statistics: no StatisticsStore service is available (3 rows of statistics are waiting in memory)",
                new StatsCommand(none, clock).stats(5));
    }
}
