package org.openst.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openst.hub.core.TestHub;
import org.openst.support.testing.Configs;
import org.openst.support.testing.LogCapture;

import ch.qos.logback.classic.Level;

/** PID org.openst.privacy: every key checked, a refused change keeps the old settings; good ones apply in place. */
class PrivacyConfigurationTest {

    @Test
    void badValuesAreRefusedByKeyAndGoodOnesApply() throws IOException {
        try (TestHub hub = new TestHub(); LogCapture log = new LogCapture(PrivacyService.class)) {
            PrivacyService service = new PrivacyService(new InMemoryPrivacyStore(), hub.community(),
                    Configs.of(PrivacyService.Config.class, Map.of("worker_threads", 0)));
            try {
                assertTrue(log.has(Level.ERROR, "org.openst.privacy", "worker.threads must be at least 1, not 0",
                        "built-in defaults"), log.messages(Level.ERROR).toString());
                assertEquals(new PrivacyLimits(1000, 256), service.limits());

                service.modified(Configs.of(PrivacyService.Config.class, Map.of("max_entries", 5, "worker_threads", 3)));
                Map<String, Object[]> bad = Map.of(
                        "max_entries", new Object[] {-1, "max.entries must be at least 0, not -1"},
                        "max_id_length", new Object[] {0, "max.id.length must be at least 1, not 0"},
                        "drain_timeout_seconds", new Object[] {-1, "drain.timeout.seconds must be at least 0, not -1"},
                        "login_timeout_millis", new Object[] {0, "login.timeout.millis must be at least 1, not 0"});
                for (Map.Entry<String, Object[]> e : bad.entrySet()) {
                    service.modified(Configs.of(PrivacyService.Config.class, Map.of(e.getKey(), e.getValue()[0])));
                    assertTrue(log.has(Level.ERROR, "org.openst.privacy", (String) e.getValue()[1],
                            "previous configuration stays"), e.getKey() + ": " + log.messages(Level.ERROR));
                }
                assertEquals(new PrivacyLimits(5, 256), service.limits());
            } finally {
                service.deactivate();
            }
        }
    }
}
