package org.openst.chatlogging.service;

import static org.openst.support.config.ConfigChecks.atLeast;

/**
 * The checked configuration (keys: {@link ChatLogComponent.Config}). A bad value is refused by
 * the component's ConfigGate with one line naming the PID and key; the old configuration stays
 * (at activation: the defaults), so the chat log stays registered whatever the file says.
 */
record ChatLogSettings(boolean enabled, int retentionDays, int queueCapacity, int flushBatch) {

    static final int DEFAULT_RETENTION_DAYS = 90;
    static final int DEFAULT_QUEUE_CAPACITY = 100_000;
    static final int DEFAULT_FLUSH_BATCH = 500;

    ChatLogSettings {
        atLeast("retention.days", retentionDays, 0);
        atLeast("queue.capacity", queueCapacity, 1);
        atLeast("flush.batch", flushBatch, 1);
    }

    static ChatLogSettings from(ChatLogComponent.Config config) {
        return new ChatLogSettings(config.enabled(), config.retention_days(), config.queue_capacity(),
                config.flush_batch());
    }
}
