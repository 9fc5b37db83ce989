package org.openst.storage.service;

import java.lang.annotation.Annotation;

/** Hand-made configurations, as Configuration Admin would pass them. */
final class TestConfigs {
    private TestConfigs() {
    }

    static StorageService.Config storage(int maxUnitBytes, long quotaBytes) {
        return new StorageService.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return StorageService.Config.class;
            }

            @Override
            public int max_unit_bytes() {
                return maxUnitBytes;
            }

            @Override
            public long quota_bytes() {
                return quotaBytes;
            }

            @Override
            public int max_units_per_request() {
                return StorageService.DEFAULT_MAX_UNITS_PER_REQUEST;
            }

            @Override
            public int worker_threads() {
                return 2;
            }

            @Override
            public int drain_timeout_seconds() {
                return 10;
            }
        };
    }

    static StorageService.Config defaults() {
        return storage(StorageService.DEFAULT_MAX_UNIT_BYTES, StorageService.DEFAULT_QUOTA_BYTES);
    }
}
