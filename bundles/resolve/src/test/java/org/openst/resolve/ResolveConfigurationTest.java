package org.openst.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openst.support.testing.Configs;
import org.openst.support.testing.LogCapture;

import ch.qos.logback.classic.Level;

/** PID org.openst.resolve: every key checked and refused by name, the old settings kept; changes applied in place. */
class ResolveConfigurationTest {

    @Test
    void badValuesAreRefusedByKeyAndGoodOnesApply() {
        try (LogCapture log = new LogCapture(ResolveService.class)) {
            ResolveService service = new ResolveService(Configs.of(ResolveService.Config.class, Map.of("threads", 0)));
            try {
                assertTrue(log.has(Level.ERROR, "org.openst.resolve", "threads must be at least 1, not 0",
                        "built-in defaults"), log.messages(Level.ERROR).toString());
                assertEquals(new ResolveSettings(50, 100, 2, 1000, 1000), service.settings());

                service.modified(Configs.of(ResolveService.Config.class, Map.of("max_matches", 5, "threads", 3)));
                for (String key : new String[] {"max_matches", "max_queries", "threads", "queue_size", "max_pending"}) {
                    service.modified(Configs.of(ResolveService.Config.class, Map.of(key, 0)));
                    assertTrue(log.has(Level.ERROR, "org.openst.resolve", key.replace('_', '.') + " must be at least 1, not 0",
                            "previous configuration stays"), key + ": " + log.messages(Level.ERROR));
                }
                assertEquals(new ResolveSettings(5, 100, 3, 1000, 1000), service.settings());
            } finally {
                service.deactivate();
            }
        }
    }
}
