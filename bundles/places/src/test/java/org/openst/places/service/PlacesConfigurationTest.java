package org.openst.places.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openst.support.testing.Configs;
import org.openst.support.testing.LogCapture;

import ch.qos.logback.classic.Level;

/** PID org.openst.places: bad values refused by key, the old limits kept; good ones applied in place. */
class PlacesConfigurationTest {

    @Test
    void badValuesAreRefusedAndGoodOnesApply() throws IOException {
        try (LogCapture log = new LogCapture(PlacesComponent.class);
                PlacesFixture fx = new PlacesFixture(Configs.of(PlacesComponent.Config.class, Map.of("max_members", 0)))) {
            assertTrue(log.has(Level.ERROR, "org.openst.places", "max.members must be at least 1, not 0",
                    "built-in defaults"), log.messages(Level.ERROR).toString());
            assertEquals(new PlaceLimits(256, 256, 500), fx.places.limits());

            fx.places.modified(Configs.of(PlacesComponent.Config.class, Map.of("max_members", 3)));
            fx.places.modified(Configs.of(PlacesComponent.Config.class, Map.of("max_name_length", 513)));
            assertTrue(log.has(Level.ERROR, "org.openst.places", "max.name.length must be 1..512, not 513",
                    "previous configuration stays"), log.messages(Level.ERROR).toString());
            fx.places.modified(Configs.of(PlacesComponent.Config.class, Map.of("max_title_length", -2)));
            assertTrue(log.has(Level.ERROR, "org.openst.places", "max.title.length must be at least 0, not -2"));
            assertEquals(new PlaceLimits(256, 256, 3), fx.places.limits());
        }
    }
}
