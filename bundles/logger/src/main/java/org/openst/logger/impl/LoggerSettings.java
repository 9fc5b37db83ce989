package org.openst.logger.impl;

import static org.openst.support.config.ConfigChecks.atLeast;

import java.time.Duration;

/**
 * The Logger's configuration, checked (a bad value is refused by {@link LoggerComponent}'s
 * ConfigGate: one ERROR line naming the PID and key, and the old configuration stays).
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

    static LoggerSettings defaults() {
        return new LoggerSettings(Duration.ofSeconds(DEFAULT_SAMPLE_SECONDS), Duration.ofSeconds(DEFAULT_FLUSH_SECONDS),
                DEFAULT_RETENTION_DAYS, DEFAULT_MAX_QUEUED_ROWS);
    }

    /** @throws org.openst.support.config.InvalidConfigException naming the first bad key */
    static LoggerSettings from(LoggerComponent.Config config) {
        return new LoggerSettings(Duration.ofSeconds(atLeast("sample.seconds", config.sample_seconds(), 1)),
                Duration.ofSeconds(atLeast("flush.seconds", config.flush_seconds(), 1)),
                atLeast("retention.days", config.retention_days(), 0),
                atLeast("max.queued.rows", config.max_queued_rows(), 1));
    }
}
