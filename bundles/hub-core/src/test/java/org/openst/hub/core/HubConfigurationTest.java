package org.openst.hub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openst.support.config.ConfigGate;
import org.openst.support.config.InvalidConfigException;
import org.openst.support.testing.Configs;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;

/** The hub's configuration (PID org.openst.hub): bad values refused by key, good ones applied in place. */
class HubConfigurationTest {
    private HubComponent component;

    @AfterEach
    void stop() {
        if (component != null) {
            component.deactivate();
        }
    }

    private static HubConfig config(Map<String, ?> values) {
        Map<String, Object> all = new HashMap<>(Map.of("port", 0, "bind_address", "127.0.0.1"));
        all.putAll(values);
        return Configs.of(HubConfig.class, all);
    }

    /** Each bad value of a change is refused with one ERROR line naming PID and key; the old settings stay. */
    @Test
    void badValuesOfAChangeAreRefusedAndTheHubKeepsServing() throws IOException {
        component = new HubComponent(config(Map.of("login_timeout_seconds", 45)));
        int port = component.port();
        Map<String, Object[]> bad = Map.of(
                "port", new Object[] {70000, "port must be 0..65535, not 70000"},
                "hub_id", new Object[] {"a#b", "hub.id must be non-empty without '#'"},
                "bind_address", new Object[] {" ", "bind.address must not be empty"},
                "max_frame_size", new Object[] {1000, "max.frame.size must be at least 1024, not 1000"},
                "handshake_timeout_seconds", new Object[] {0, "handshake.timeout.seconds must be at least 1, not 0"},
                "login_timeout_seconds", new Object[] {-5, "login.timeout.seconds must be at least 1, not -5"},
                "idle_timeout_seconds", new Object[] {0, "idle.timeout.seconds must be at least 1"},
                "login_ciphers", new Object[] {"des", "login.ciphers must be rc2-128, rc2-40 or both, not 'des'"},
                "io_threads", new Object[] {-1, "io.threads must be at least 0, not -1"},
                "auth_threads", new Object[] {0, "auth.threads must be at least 1, not 0"});
        try (LogCapture log = new LogCapture(HubComponent.class)) {
            for (Map.Entry<String, Object[]> e : bad.entrySet()) {
                component.modified(config(Map.of(e.getKey(), e.getValue()[0])));
                assertTrue(log.has(Level.ERROR, HubConfig.PID, (String) e.getValue()[1], "previous configuration stays"),
                        e.getKey() + ": " + log.messages(Level.ERROR));
            }
            component.modified(config(Map.of("max_queued_bytes", 1000)));
            assertTrue(log.has(Level.ERROR, HubConfig.PID, "max.queued.bytes must be at least 65536, not 1000"));
            assertEquals(bad.size() + 1, log.messages(Level.ERROR).size());
        }
        assertEquals(port, component.port());
        assertEquals(Duration.ofSeconds(45), component.hub().settings().loginTimeout());
        assertEquals("hub1", component.hubId());
        new Socket("127.0.0.1", port).close(); // still listening on the old port
    }

    /** A new port moves the listener; time-outs and the hub ID apply without a restart. */
    @Test
    void goodChangesApplyInPlace() throws IOException {
        component = new HubComponent(config(Map.of()));
        int old = component.port();
        int next;
        try (ServerSocket probe = new ServerSocket(0)) {
            next = probe.getLocalPort();
        }
        component.modified(config(Map.of("port", next, "login_timeout_seconds", 7, "hub_id", "hub2", "auth_threads", 2)));
        assertEquals(next, component.port());
        assertNotEquals(old, next);
        new Socket("127.0.0.1", next).close();
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", old).close());
        assertEquals(Duration.ofSeconds(7), component.hub().settings().loginTimeout());
        assertEquals("hub2", component.hubId());
    }

    /** A bad file at start starts the hub on the built-in defaults, never leaves it absent. */
    @Test
    void aRefusedConfigurationAtActivationFallsBackToDefaults() {
        HubConfig bad = config(Map.of("max_frame_size", 10));
        try (LogCapture log = new LogCapture(HubComponent.class)) {
            HubSettings settings = new ConfigGate<>(HubConfig.PID, HubConfig.class,
                    HubSettings::from, LoggerFactory.getLogger(HubComponent.class)).initial(bad);
            assertEquals(1533, settings.port());
            assertEquals(1024 * 1024, settings.maxFrameSize());
            assertTrue(log.has(Level.ERROR, HubConfig.PID, "max.frame.size", "built-in defaults"));
        }
    }

    @Test
    void settingsRefuseBadValuesByKey() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> HubSettings.from(config(Map.of("port", -1))));
        assertEquals("port", e.key());
    }
}
