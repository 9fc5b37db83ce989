package org.openst.places.service;

import java.util.Map;

import org.openst.support.testing.Configs;

/** Hand-made configurations, as Configuration Admin would pass them. */
final class TestConfigs {
    private TestConfigs() {
    }

    static PlacesComponent.Config places(int maxNameLength, int maxTitleLength, int maxMembers) {
        return Configs.of(PlacesComponent.Config.class, Map.of("max_name_length", maxNameLength,
                "max_title_length", maxTitleLength, "max_members", maxMembers));
    }

    static PlacesComponent.Config defaults() {
        return places(PlacesComponent.DEFAULT_MAX_NAME_LENGTH, PlacesComponent.DEFAULT_MAX_TITLE_LENGTH,
                PlacesComponent.DEFAULT_MAX_MEMBERS);
    }
}
