package org.openst.privacy;

import static org.openst.support.config.ConfigChecks.atLeast;

import java.time.Duration;

/**
 * The privacy service's configuration, validated (keys: {@link PrivacyService.Config}).
 *
 * @param limits        what a stored list may hold
 * @param workerThreads threads that load and store lists
 * @param drainTimeout  how long stopping waits for queued stores
 * @param loginTimeout  how long a login waits for the user's stored list
 */
record PrivacySettings(PrivacyLimits limits, int workerThreads, Duration drainTimeout, Duration loginTimeout) {

    static PrivacySettings from(PrivacyService.Config c) {
        return new PrivacySettings(new PrivacyLimits(c.max_entries(), c.max_id_length()),
                atLeast("worker.threads", c.worker_threads(), 1),
                Duration.ofSeconds(atLeast("drain.timeout.seconds", c.drain_timeout_seconds(), 0)),
                Duration.ofMillis(atLeast("login.timeout.millis", c.login_timeout_millis(), 1)));
    }
}
