package org.openst.conference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openst.hub.core.TestHub;
import org.openst.support.testing.Configs;
import org.openst.support.testing.LogCapture;

import ch.qos.logback.classic.Level;

/** PID org.openst.conference: bad values refused by key, the old limits kept; good ones applied in place. */
class ConferenceConfigurationTest {

    @Test
    void badValuesAreRefusedAndGoodOnesApply() throws IOException {
        try (TestHub hub = new TestHub(); LogCapture log = new LogCapture(ConferenceService.class)) {
            ConferenceService service = new ConferenceService(hub.community(),
                    Configs.of(ConferenceService.Config.class, Map.of("max_title_length", -1)));
            try {
                assertTrue(log.has(Level.ERROR, "org.openst.conference", "max.title.length must be at least 0, not -1",
                        "built-in defaults"), log.messages(Level.ERROR).toString());
                assertEquals(new ConferenceService.Limits(256, 256), service.limits());

                service.modified(Configs.of(ConferenceService.Config.class, Map.of("max_name_length", 12)));
                service.modified(Configs.of(ConferenceService.Config.class, Map.of("max_name_length", 0)));
                assertTrue(log.has(Level.ERROR, "org.openst.conference", "max.name.length must be at least 1, not 0",
                        "previous configuration stays"), log.messages(Level.ERROR).toString());
                assertEquals(new ConferenceService.Limits(12, 256), service.limits());
            } finally {
                service.deactivate();
            }
        }
    }
}
