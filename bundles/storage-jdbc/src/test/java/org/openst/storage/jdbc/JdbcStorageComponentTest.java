package org.openst.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.XADataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openst.storage.api.StorageException;
import org.openst.support.config.InvalidConfigException;
import org.openst.support.testing.LogCapture;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.jdbc.DataSourceFactory;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;

/** The component turns its configuration into a data source and serves on it (no framework needed). */
class JdbcStorageComponentTest {

    @TempDir
    Path dir;

    /** Stands in for the H2 bundle's DataSourceFactory; remembers what it was asked for. */
    private static final class H2Factory implements DataSourceFactory {
        final List<Properties> requests = new ArrayList<>();

        @Override
        public DataSource createDataSource(Properties properties) {
            requests.add(properties);
            return TestDatabases.h2(properties.getProperty(JDBC_URL));
        }

        @Override
        public ConnectionPoolDataSource createConnectionPoolDataSource(Properties properties) {
            throw new UnsupportedOperationException();
        }

        @Override
        public XADataSource createXADataSource(Properties properties) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Driver createDriver(Properties properties) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void activationResolvesTheDataFolderAndServesOnH2() {
        Path data = dir.resolve("data");
        H2Factory factory = new H2Factory();
        JdbcStorageComponent component = new JdbcStorageComponent(
                context(Map.of(ConnectionSettings.DATA_PROPERTY, data.toString())), config(4), factory);
        try {
            assertEquals(Map.of(DataSourceFactory.JDBC_URL, "jdbc:h2:file:" + data + "/storage;WRITE_DELAY=0"),
                    factory.requests.get(0));
            assertEquals("H2 jdbc:h2:file:" + data + "/storage", component.describe());
            assertTrue(Files.exists(data.resolve("storage.mv.db")), "H2 creates the missing folder");

            component.save("alice", 1, new byte[] {1, 2, 3});
            component.put("ns", "k", "v");
            assertArrayEquals(new byte[] {1, 2, 3}, component.load("alice", 1).orElseThrow());
            assertEquals(Optional.of("v"), component.get("ns", "k"));
        } finally {
            component.deactivate();
        }
        StorageException closed = assertThrows(StorageException.class, () -> component.usedBytes("alice"));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
    }

    @Test
    void aDriverThatRefusesTheSettingsIsAStorageException() {
        DataSourceFactory throwing = (DataSourceFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSourceFactory.class}, (proxy, method, args) -> {
                    throw new SQLException("unsupported option", "HY000");
                });
        ConnectionSettings settings = ConnectionSettings.of("jdbc:h2:file:/x;PASSWORD=pw", "", "", 1, null);
        StorageException e = assertThrows(StorageException.class, () -> new JdbcStorageComponent(settings, throwing));
        assertEquals("create a data source for jdbc:h2:file:/x failed: unsupported option (SQLSTATE HY000)",
                e.getMessage());
    }

    @Test
    void anInvalidPoolSizeAtActivationOpensTheDefaultDatabase() {
        Path data = dir.resolve("data");
        H2Factory factory = new H2Factory();
        JdbcStorageComponent component = new JdbcStorageComponent(
                context(Map.of(ConnectionSettings.DATA_PROPERTY, data.toString())), config(0), factory);
        try {
            assertEquals("H2 jdbc:h2:file:" + data + "/storage", component.describe());
        } finally {
            component.deactivate();
        }
    }

    /** A refused change keeps the database; a good one that names another database re-creates the component. */
    @Test
    void aChangeIsRefusedOrReopensTheDatabase() throws InterruptedException {
        Path data = dir.resolve("data");
        BundleContext bundle = context(Map.of(ConnectionSettings.DATA_PROPERTY, data.toString()));
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch enabled = new java.util.concurrent.CountDownLatch(1);
        ComponentContext component = (ComponentContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ComponentContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getBundleContext")) {
                        return bundle;
                    }
                    calls.add(method.getName() + " " + args[0]);
                    if (method.getName().equals("enableComponent")) {
                        enabled.countDown();
                    }
                    return null;
                });
        JdbcStorageComponent storage = new JdbcStorageComponent(bundle, config(4), new H2Factory());
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(
                JdbcStorageComponent.class);
        Level level = logger.getLevel();
        logger.setLevel(Level.ERROR); // this module's logback-test.xml turns logging off
        try (LogCapture log = new LogCapture(JdbcStorageComponent.class)) {
            storage.modified(component, config(0));
            assertTrue(log.has(Level.ERROR, "org.openst.storage.jdbc", "pool.size must be at least 1, not 0",
                    "previous configuration stays"), log.messages(Level.ERROR).toString());
            storage.modified(component, config(4)); // the same database: nothing to do
            assertEquals(List.of(), calls);
            storage.modified(component, config(2));
            assertTrue(enabled.await(10, java.util.concurrent.TimeUnit.SECONDS), "enable asked");
            assertEquals(List.of("disableComponent org.openst.storage.jdbc", "enableComponent org.openst.storage.jdbc"),
                    calls);
        } finally {
            logger.setLevel(level);
            storage.deactivate();
        }
    }

    @Test
    void aUrlThatIsNotJdbcIsRefused() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> ConnectionSettings.of("postgresql://db/openst", "", "", 4, null));
        assertEquals("url", e.key());
    }

    /** A BundleContext that only answers getProperty, which is all the component asks. */
    private static BundleContext context(Map<String, String> properties) {
        return (BundleContext) Proxy.newProxyInstance(JdbcStorageComponentTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return properties.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The configuration DS would build from no configuration at all, except the pool size. */
    private static JdbcStorageComponent.Config config(int poolSize) {
        return new JdbcStorageComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return JdbcStorageComponent.Config.class;
            }

            @Override
            public String url() {
                return ConnectionSettings.DEFAULT_URL;
            }

            @Override
            public String user() {
                return "";
            }

            @Override
            public String password() {
                return "";
            }

            @Override
            public int pool_size() {
                return poolSize;
            }

            @Override
            public String DataSourceFactory_target() {
                return JdbcStorageComponent.H2_DRIVER;
            }
        };
    }
}
