package org.openst.directory.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openst.support.testing.Configs;
import org.openst.support.testing.LogCapture;

import ch.qos.logback.classic.Level;

/** PID org.openst.directory: every key checked and refused by name, the old settings kept; changes applied in place. */
class DirectoryConfigurationTest {

    @Test
    void badValuesAreRefusedByKeyAndGoodOnesApply() {
        try (LogCapture log = new LogCapture(DirectoryService.class)) {
            DirectoryService service = new DirectoryService(Configs.of(DirectoryService.Config.class,
                    Map.of("page_size", -4)));
            try {
                assertTrue(log.has(Level.ERROR, "org.openst.directory", "page.size must be at least 1, not -4",
                        "built-in defaults"), log.messages(Level.ERROR).toString());
                assertEquals(new DirectorySettings("Community directory", 20, 1000, 16, 2, 1000, 1000), service.settings());

                service.modified(Configs.of(DirectoryService.Config.class, Map.of("book_name", " Acme ", "page_size", 5)));
                service.modified(Configs.of(DirectoryService.Config.class, Map.of("book_name", " ")));
                assertTrue(log.has(Level.ERROR, "org.openst.directory", "book.name must not be empty"));
                for (String key : new String[] {"page_size", "max_members", "max_open", "threads", "queue_size",
                        "max_pending"}) {
                    service.modified(Configs.of(DirectoryService.Config.class, Map.of(key, 0)));
                    assertTrue(log.has(Level.ERROR, "org.openst.directory", key.replace('_', '.')
                            + " must be at least 1, not 0", "previous configuration stays"), key + ": " + log.messages(Level.ERROR));
                }
                assertEquals(new DirectorySettings("Acme", 5, 1000, 16, 2, 1000, 1000), service.settings());
            } finally {
                service.deactivate();
            }
        }
    }
}
