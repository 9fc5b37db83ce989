package org.openst.conference;

import java.lang.annotation.Annotation;

/** Hand-made configurations of the conference component. */
final class TestConfig {

    private TestConfig() {
    }

    static ConferenceService.Config config(int maxNameLength, int maxTitleLength) {
        return new ConferenceService.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ConferenceService.Config.class;
            }

            @Override
            public int max_name_length() {
                return maxNameLength;
            }

            @Override
            public int max_title_length() {
                return maxTitleLength;
            }

            @Override
            public int service_ranking() {
                return 0;
            }
        };
    }

    static ConferenceService.Config defaults() {
        return config(ConferenceService.DEFAULT_MAX_NAME_LENGTH, ConferenceService.DEFAULT_MAX_TITLE_LENGTH);
    }
}
