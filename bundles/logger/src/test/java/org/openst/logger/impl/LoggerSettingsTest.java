package org.openst.logger.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openst.support.config.InvalidConfigException;
import org.openst.support.testing.LogCapture;

import ch.qos.logback.classic.Level;
import org.openst.support.testing.FakeCommunity;

class LoggerSettingsTest {

    /** A configuration as DS would build it from a .cfg file. */
    record Cfg(int sample_seconds, int flush_seconds, int retention_days, int max_queued_rows)
            implements LoggerComponent.Config {
        @Override
        public Class<? extends Annotation> annotationType() {
            return LoggerComponent.Config.class;
        }
    }

    @Test
    void goodValuesAreTaken() {
        assertEquals(new LoggerSettings(Duration.ofSeconds(300), Duration.ofSeconds(5), 0, 10),
                LoggerSettings.from(new Cfg(300, 5, 0, 10)));
    }

    @Test
    void eachBadValueIsRefusedByItsKey() {
        assertEquals("sample.seconds must be at least 1, not 0",
                assertThrows(InvalidConfigException.class, () -> LoggerSettings.from(new Cfg(0, 5, 0, 10))).getMessage());
        assertEquals("flush.seconds must be at least 1, not -1",
                assertThrows(InvalidConfigException.class, () -> LoggerSettings.from(new Cfg(60, -1, 0, 10))).getMessage());
        assertEquals("retention.days must be at least 0, not -5",
                assertThrows(InvalidConfigException.class, () -> LoggerSettings.from(new Cfg(60, 5, -5, 10))).getMessage());
        assertEquals("max.queued.rows must be at least 1, not 0",
                assertThrows(InvalidConfigException.class, () -> LoggerSettings.from(new Cfg(60, 5, 0, 0))).getMessage());
    }

    /** A bad change is refused with one line naming PID and key, and the old settings stay; a good one applies. */
    @Test
    void theComponentKeepsItsSettingsOnABadChange() {
        LoggerComponent logger = new LoggerComponent(new FakeCommunity(), LoggerSettings.defaults(), Clock.systemUTC());
        try (LogCapture log = new LogCapture(LoggerComponent.class)) {
            logger.modified(new Cfg(30, 5, 7, 100));
            assertEquals(new LoggerSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), 7, 100), logger.settings());
            logger.modified(new Cfg(30, 0, 7, 100));
            assertTrue(log.has(Level.ERROR, "org.openst.logger", "flush.seconds must be at least 1, not 0",
                    "previous configuration stays"), log.messages(Level.ERROR).toString());
            assertEquals(new LoggerSettings(Duration.ofSeconds(30), Duration.ofSeconds(5), 7, 100), logger.settings());
        } finally {
            logger.deactivate();
        }
    }
}
