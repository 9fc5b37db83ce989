package org.openst.storage.service;

import static org.openst.support.config.ConfigChecks.atLeast;

import java.time.Duration;

/**
 * The storage service's configuration, validated (keys: {@link StorageService.Config}).
 *
 * @param limits        what one user may store
 * @param workerThreads threads that run storage requests
 * @param drainTimeout  how long stopping waits for queued requests
 */
record StorageSettings(StorageLimits limits, int workerThreads, Duration drainTimeout) {

    static StorageSettings from(StorageService.Config c) {
        return new StorageSettings(new StorageLimits(c.max_unit_bytes(), c.quota_bytes(), c.max_units_per_request()),
                atLeast("worker.threads", c.worker_threads(), 1),
                Duration.ofSeconds(atLeast("drain.timeout.seconds", c.drain_timeout_seconds(), 0)));
    }
}
