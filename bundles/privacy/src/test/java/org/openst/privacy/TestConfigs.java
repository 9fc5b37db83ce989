package org.openst.privacy;

import java.lang.annotation.Annotation;

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
        return new PrivacyService.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PrivacyService.Config.class;
            }

            @Override
            public int max_entries() {
                return maxEntries;
            }

            @Override
            public int max_id_length() {
                return maxIdLength;
            }

            @Override
            public int worker_threads() {
                return 2;
            }

            @Override
            public int drain_timeout_seconds() {
                return 10;
            }

            @Override
            public int login_timeout_millis() {
                return loginTimeoutMillis;
            }
        };
    }

    static PrivacyService.Config defaults() {
        return privacy(PrivacyService.DEFAULT_MAX_ENTRIES, PrivacyService.DEFAULT_MAX_ID_LENGTH);
    }
}
