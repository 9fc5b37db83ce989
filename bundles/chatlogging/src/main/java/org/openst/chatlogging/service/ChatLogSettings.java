package org.openst.chatlogging.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checked configuration. A bad value is logged with its PID and key and replaced by the
 * default: the chat log must stay registered (other bundles record through it) whatever the file says.
 */
record ChatLogSettings(boolean enabled, int retentionDays, int queueCapacity, int flushBatch) {
    private static final Logger LOG = LoggerFactory.getLogger(ChatLogSettings.class);

    static final int DEFAULT_RETENTION_DAYS = 90;
    static final int DEFAULT_QUEUE_CAPACITY = 100_000;
    static final int DEFAULT_FLUSH_BATCH = 500;

    static ChatLogSettings from(ChatLogComponent.Config config) {
        return new ChatLogSettings(config.enabled(),
                checked("retention.days", config.retention_days(), 0, DEFAULT_RETENTION_DAYS),
                checked("queue.capacity", config.queue_capacity(), 1, DEFAULT_QUEUE_CAPACITY),
                checked("flush.batch", config.flush_batch(), 1, DEFAULT_FLUSH_BATCH));
    }

    private static int checked(String key, int value, int min, int fallback) {
        if (value >= min) {
            return value;
        }
        LOG.error("{}: {}={} is below {}; using {}", ChatLogComponent.PID, key, value, min, fallback);
        return fallback;
    }
}
