package org.openst.logger.impl;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Logger's configuration, checked: a bad value is refused with an ERROR line naming the PID
 * and key, and that key's default is used instead.
 *
 * @param sample        how often the hub's message counts are sampled
 * @param flush         how often aggregated rows are written to the store
 * @param retentionDays events older than this many days are deleted daily; 0 keeps them forever
 * @param maxQueuedRows most rows kept in memory while the store is absent or failing
 */
record LoggerSettings(Duration sample, Duration flush, int retentionDays, int maxQueuedRows) {
    static final int DEFAULT_SAMPLE_SECONDS = 60;
    static final int DEFAULT_FLUSH_SECONDS = 10;
    static final int DEFAULT_RETENTION_DAYS = 365;
    /** About 5 days of a busy hub (a dozen kinds active each minute), some 15 MB of heap. */
    static final int DEFAULT_MAX_QUEUED_ROWS = 100_000;

    private static final Logger LOG = LoggerFactory.getLogger(LoggerSettings.class);

    static LoggerSettings defaults() {
        return new LoggerSettings(Duration.ofSeconds(DEFAULT_SAMPLE_SECONDS), Duration.ofSeconds(DEFAULT_FLUSH_SECONDS),
                DEFAULT_RETENTION_DAYS, DEFAULT_MAX_QUEUED_ROWS);
    }

    static LoggerSettings from(LoggerComponent.Config config) {
        return new LoggerSettings(
                Duration.ofSeconds(checked("sample.seconds", config.sample_seconds(), 1, DEFAULT_SAMPLE_SECONDS)),
                Duration.ofSeconds(checked("flush.seconds", config.flush_seconds(), 1, DEFAULT_FLUSH_SECONDS)),
                checked("retention.days", config.retention_days(), 0, DEFAULT_RETENTION_DAYS),
                checked("max.queued.rows", config.max_queued_rows(), 1, DEFAULT_MAX_QUEUED_ROWS));
    }

    private static int checked(String key, int value, int min, int fallback) {
        if (value < min) {
            LOG.error("{}: refused {}={} (must be at least {}); using {}", LoggerComponent.PID, key, value, min, fallback);
            return fallback;
        }
        return value;
    }
}
