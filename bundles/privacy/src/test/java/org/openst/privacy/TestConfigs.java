package org.openst.privacy;

import java.util.Map;

import org.openst.support.testing.Configs;

/** Hand-made configurations, as Configuration Admin would pass them. */
final class TestConfigs {
    private TestConfigs() {
    }

    static PrivacyService.Config privacy(int maxEntries, int maxIdLength) {
        return privacy(maxEntries, maxIdLength, PrivacyService.DEFAULT_LOGIN_TIMEOUT_MILLIS);
    }

    static PrivacyService.Config loginTimeout(int millis) {
        return privacy(PrivacyService.DEFAULT_MAX_ENTRIES, PrivacyService.DEFAULT_MAX_ID_LENGTH, millis);
    }

    static PrivacyService.Config privacy(int maxEntries, int maxIdLength, int loginTimeoutMillis) {
        return Configs.of(PrivacyService.Config.class, Map.of("max_entries", maxEntries, "max_id_length", maxIdLength,
                "worker_threads", 2, "drain_timeout_seconds", 10, "login_timeout_millis", loginTimeoutMillis));
    }

    static PrivacyService.Config defaults() {
        return privacy(PrivacyService.DEFAULT_MAX_ENTRIES, PrivacyService.DEFAULT_MAX_ID_LENGTH);
    }
}
