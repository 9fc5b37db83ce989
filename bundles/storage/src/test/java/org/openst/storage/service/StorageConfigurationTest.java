package org.openst.storage.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openst.hub.core.TestHub;
import org.openst.support.testing.Configs;
import org.openst.support.testing.LogCapture;

import ch.qos.logback.classic.Level;

/** PID org.openst.storage: every key checked, a refused change keeps the old settings; good ones apply in place. */
class StorageConfigurationTest {

    @Test
    void badValuesAreRefusedByKeyAndGoodOnesApply() throws IOException {
        try (TestHub hub = new TestHub(); LogCapture log = new LogCapture(StorageService.class)) {
            StorageService service = new StorageService(new InMemoryUserStorage(), hub.community(),
                    Configs.of(StorageService.Config.class, Map.of("quota_bytes", -1L)));
            try {
                assertTrue(log.has(Level.ERROR, "org.openst.storage", "quota.bytes must be at least 0, not -1",
                        "built-in defaults"), log.messages(Level.ERROR).toString());
                assertEquals(new StorageLimits(65537, 1024 * 1024, 64), service.limits());

                service.modified(Configs.of(StorageService.Config.class, Map.of("quota_bytes", 100L, "worker_threads", 2)));
                Map<String, Object[]> bad = Map.of(
                        "max_unit_bytes", new Object[] {-1, "max.unit.bytes must be at least 0, not -1"},
                        "max_units_per_request", new Object[] {0, "max.units.per.request must be at least 1, not 0"},
                        "worker_threads", new Object[] {0, "worker.threads must be at least 1, not 0"},
                        "drain_timeout_seconds", new Object[] {-3, "drain.timeout.seconds must be at least 0, not -3"});
                for (Map.Entry<String, Object[]> e : bad.entrySet()) {
                    service.modified(Configs.of(StorageService.Config.class, Map.of(e.getKey(), e.getValue()[0])));
                    assertTrue(log.has(Level.ERROR, "org.openst.storage", (String) e.getValue()[1],
                            "previous configuration stays"), e.getKey() + ": " + log.messages(Level.ERROR));
                }
                assertEquals(new StorageLimits(65537, 100, 64), service.limits());
            } finally {
                service.deactivate();
            }
        }
    }
}
