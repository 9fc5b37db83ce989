package org.openst.support.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openst.support.testing.Configs;
import org.openst.support.testing.LogCapture;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;

class ConfigGateTest {
    private static final String PID = "org.openst.example";

    @interface Config {
        int port() default 1533;

        String login_ciphers() default "rc2-128";

        long idle__timeout$_$ms() default 90;
    }

    record Settings(int port, String ciphers) {
        static Settings from(Config c) {
            return new Settings(ConfigChecks.between("port", c.port(), 0, 65535),
                    ConfigChecks.oneOf("login.ciphers", c.login_ciphers(), Set.of("rc2-128", "rc2-40", "both")));
        }
    }

    private final ConfigGate<Config, Settings> gate = new ConfigGate<>(PID, Config.class, Settings::from,
            LoggerFactory.getLogger(ConfigGateTest.class));

    @Test
    void aGoodConfigurationPasses() {
        try (LogCapture log = new LogCapture(ConfigGateTest.class)) {
            assertEquals(Optional.of(new Settings(2000, "both")),
                    gate.next(Configs.of(Config.class, Map.of("port", 2000, "login_ciphers", "Both"))));
            assertTrue(log.messages(Level.ERROR).isEmpty());
        }
    }

    @Test
    void aChangeWithABadValueIsRefusedNamingPidAndKey() {
        try (LogCapture log = new LogCapture(ConfigGateTest.class)) {
            assertEquals(Optional.empty(), gate.next(Configs.of(Config.class, Map.of("port", 70000))));
            assertEquals(1, log.messages(Level.ERROR).size());
            assertTrue(log.has(Level.ERROR, PID, "port must be 0..65535, not 70000", "previous configuration stays"),
                    log.messages(Level.ERROR).toString());
        }
    }

    @Test
    void aBadValueAtActivationStartsOnTheDefaults() {
        try (LogCapture log = new LogCapture(ConfigGateTest.class)) {
            assertEquals(new Settings(1533, "rc2-128"),
                    gate.initial(Configs.of(Config.class, Map.of("login_ciphers", "rot13"))));
            assertTrue(log.has(Level.ERROR, PID, "login.ciphers must be one of both, rc2-128, rc2-40, not 'rot13'",
                    "built-in defaults"), log.messages(Level.ERROR).toString());
        }
    }

    /** Declarative Services converts lazily: a value it cannot convert throws when its method is called. */
    @Test
    void aValueThatCannotBeConvertedIsRefusedByItsKey() {
        Config unconvertible = (Config) Proxy.newProxyInstance(Config.class.getClassLoader(),
                new Class<?>[] {Config.class}, (self, m, args) -> {
                    if (m.getName().equals("idle__timeout$_$ms")) {
                        throw new IllegalStateException("cannot coerce 'soon' to long");
                    }
                    return m.getDefaultValue();
                });
        try (LogCapture log = new LogCapture(ConfigGateTest.class)) {
            assertEquals(Optional.empty(), gate.next(unconvertible));
            assertTrue(log.has(Level.ERROR, PID, "idle_timeout-ms is not a valid long (cannot coerce 'soon' to long)"),
                    log.messages(Level.ERROR).toString());
        }
    }

    @Test
    void defaultsAreTheAnnotationDefaults() {
        Config d = gate.defaults();
        assertEquals(1533, d.port());
        assertEquals("rc2-128", d.login_ciphers());
        assertEquals(90L, d.idle__timeout$_$ms());
        assertEquals(Config.class, d.annotationType());
    }

    @Test
    void keysFollowTheDeclarativeServicesNaming() {
        assertEquals("max.frame.size", ConfigKeys.key("max_frame_size"));
        assertEquals(".token.key", ConfigKeys.key("_token_key"));
        assertEquals("DataSourceFactory.target", ConfigKeys.key("DataSourceFactory_target"));
        assertEquals("a_b", ConfigKeys.key("a__b"));
        assertEquals("a-b", ConfigKeys.key("a$_$b"));
        assertEquals("a$b", ConfigKeys.key("a$$b"));
        assertEquals("ab", ConfigKeys.key("a$b"));
    }
}
