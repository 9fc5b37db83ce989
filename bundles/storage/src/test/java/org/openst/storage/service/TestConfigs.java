package org.openst.storage.service;

import java.util.Map;

import org.openst.support.testing.Configs;

/** Hand-made configurations, as Configuration Admin would pass them. */
final class TestConfigs {
    private TestConfigs() {
    }

    static StorageService.Config storage(int maxUnitBytes, long quotaBytes) {
        return Configs.of(StorageService.Config.class, Map.of("max_unit_bytes", maxUnitBytes, "quota_bytes", quotaBytes,
                "worker_threads", 2, "drain_timeout_seconds", 10));
    }

    static StorageService.Config defaults() {
        return storage(StorageService.DEFAULT_MAX_UNIT_BYTES, StorageService.DEFAULT_QUOTA_BYTES);
    }
}
