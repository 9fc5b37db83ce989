package org.openst.support.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;

import org.junit.jupiter.api.Test;

class ConfigChecksTest {

    @Test
    void atLeastNamesKeyBoundAndValue() {
        assertEquals(1, ConfigChecks.atLeast("threads", 1, 1));
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> ConfigChecks.atLeast("threads", 0, 1));
        assertEquals("threads", e.key());
        assertEquals("threads must be at least 1, not 0", e.getMessage());
        assertEquals(-1L, ConfigChecks.atLeast("n", -1L, -1L));
        assertThrows(InvalidConfigException.class, () -> ConfigChecks.atLeast("n", -2L, -1L));
    }

    @Test
    void betweenIncludesBothBounds() {
        assertEquals(0, ConfigChecks.between("port", 0, 0, 65535));
        assertEquals(65535, ConfigChecks.between("port", 65535, 0, 65535));
        assertEquals("port must be 0..65535, not 70000",
                assertThrows(InvalidConfigException.class, () -> ConfigChecks.between("port", 70000, 0, 65535)).getMessage());
        assertThrows(InvalidConfigException.class, () -> ConfigChecks.between("days", -1L, 0L, 36500L));
    }

    @Test
    void notBlankStrips() {
        assertEquals("x", ConfigChecks.notBlank("name", " x "));
        assertEquals("name must not be empty",
                assertThrows(InvalidConfigException.class, () -> ConfigChecks.notBlank("name", "  ")).getMessage());
        assertThrows(InvalidConfigException.class, () -> ConfigChecks.notBlank("name", null));
    }

    @Test
    void oneOfIgnoresCase() {
        assertEquals("both", ConfigChecks.oneOf("mode", " BOTH", Set.of("both", "none")));
        assertEquals("mode must be one of both, none, not 'all'",
                assertThrows(InvalidConfigException.class, () -> ConfigChecks.oneOf("mode", "all", Set.of("both", "none")))
                        .getMessage());
    }
}
