package org.openst.logger.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import java.time.Duration;

import org.junit.jupiter.api.Test;

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
    void badValuesFallBackToTheirDefaults() {
        assertEquals(LoggerSettings.defaults(), LoggerSettings.from(new Cfg(0, -1, -5, 0)));
    }
}
