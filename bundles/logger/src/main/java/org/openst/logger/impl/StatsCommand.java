package org.openst.logger.impl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.openst.logger.api.Statistics;
import org.openst.storage.api.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The shell command {@code openst:stats [hours]} and {@code openst:stats <kind> <hours>}: totals per
 * hour of the last hours (24 by default), the current hour last. A plain object with the Gogo
 * service properties (Gogo calls the public methods named like the function), so the bundle needs
 * no Gogo import and works without a shell.
 */
@Component(service = StatsCommand.class, property = {"osgi.command.scope=openst", "osgi.command.function=stats"})
public final class StatsCommand {
    static final int DEFAULT_HOURS = 24;
    /** A leap year of hours: the default retention. */
    static final int MAX_HOURS = 366 * 24;

    private final Statistics statistics;
    private final Clock clock;

    @Activate
    public StatsCommand(@Reference Statistics statistics) {
        this(statistics, Clock.systemUTC());
    }

    StatsCommand(Statistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    /** {@code openst:stats}: the last 24 hours. */
    public String stats() {
        return stats(DEFAULT_HOURS);
    }

    /** {@code openst:stats 48}: logins, logouts, refused logins, messages, channels, bundle changes per hour. */
    public String stats(int hours) {
        return table(hours, HourlyTable.SUMMARY, "logins, messages, channels and bundle changes");
    }

    /** {@code openst:stats messages.0x1000 24}; {@code messages.*} sums a family of kinds. */
    public String stats(String kind, int hours) {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("name a kind, e.g. login, channel.0x1000 or messages.*");
        }
        return table(hours, List.of(HourlyTable.forKind(kind.strip())), kind.strip());
    }

    private String table(int hours, List<HourlyTable.Column> columns, String what) {
        if (hours < 1 || hours > MAX_HOURS) {
            throw new IllegalArgumentException("hours must be between 1 and " + MAX_HOURS + ", not " + hours);
        }
        Instant currentHour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Instant firstHour = currentHour.minus(Duration.ofHours(hours - 1L));
        try {
            return "Statistics of the last " + hours + (hours == 1 ? " hour" : " hours") + ": " + what + "\n"
                    + HourlyTable.render(statistics.totalsPerHour(firstHour, currentHour.plus(Duration.ofHours(1))),
                            firstHour, hours, columns);
        } catch (StorageException e) {
            return "No statistics: " + e.getMessage();
        }
    }
}
