package org.openst.conference;

import java.util.Map;

import org.openst.support.testing.Configs;

/** Hand-made configurations of the conference component. */
final class TestConfig {

    private TestConfig() {
    }

    static ConferenceService.Config config(int maxNameLength, int maxTitleLength) {
        return Configs.of(ConferenceService.Config.class, Map.of("max_name_length", maxNameLength,
                "max_title_length", maxTitleLength));
    }

    static ConferenceService.Config defaults() {
        return config(ConferenceService.DEFAULT_MAX_NAME_LENGTH, ConferenceService.DEFAULT_MAX_TITLE_LENGTH);
    }
}
