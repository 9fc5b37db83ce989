package org.openst.support.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfigsTest {

    /** Shaped like a DS component's configuration: package-private, class retention. */
    @interface Config {
        int page_size() default 20;

        String book_name() default "Community directory";

        String[] services() default {"0x11", "0x15"};

        long quota();
    }

    @Test
    void unsetAttributesHaveTheirDefaults() {
        Config c = Configs.of(Config.class, Map.of("quota", 5L));
        assertEquals(20, c.page_size());
        assertEquals("Community directory", c.book_name());
        assertArrayEquals(new String[] {"0x11", "0x15"}, c.services());
        assertEquals(5L, c.quota());
        assertEquals(Config.class, c.annotationType());
    }

    @Test
    void setAttributesOverrideTheDefaults() {
        Map<String, Object> values = new HashMap<>();
        values.put("page_size", 2);
        values.put("book_name", null);
        values.put("quota", 0L);
        Config c = Configs.of(Config.class, values);
        assertEquals(2, c.page_size());
        assertNull(c.book_name());
    }

    @Test
    void arraysAreCopiedForEveryCaller() {
        Config c = Configs.of(Config.class, Map.of("quota", 1L));
        c.services()[0] = "changed";
        assertEquals("0x11", c.services()[0]);
    }

    @Test
    void mistakesFailAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> Configs.defaults(Config.class), "quota has no default");
        assertThrows(IllegalArgumentException.class, () -> Configs.of(Config.class, Map.of("quota", 1L, "pagesize", 2)));
        assertThrows(IllegalArgumentException.class, () -> Configs.of(Config.class, Map.of("quota", 1)), "an int for a long");
        Map<String, Object> nullInt = new HashMap<>();
        nullInt.put("quota", 1L);
        nullInt.put("page_size", null);
        assertThrows(IllegalArgumentException.class, () -> Configs.of(Config.class, nullInt));
    }
}
