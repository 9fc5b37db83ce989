package org.openst.places.service;

import java.lang.annotation.Annotation;

/** Hand-made configurations, as Configuration Admin would pass them. */
final class TestConfigs {
    private TestConfigs() {
    }

    static PlacesComponent.Config places(int maxNameLength, int maxTitleLength, int maxMembers) {
        return new PlacesComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PlacesComponent.Config.class;
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
            public int max_members() {
                return maxMembers;
            }
        };
    }

    static PlacesComponent.Config defaults() {
        return places(PlacesComponent.DEFAULT_MAX_NAME_LENGTH, PlacesComponent.DEFAULT_MAX_TITLE_LENGTH,
                PlacesComponent.DEFAULT_MAX_MEMBERS);
    }
}
