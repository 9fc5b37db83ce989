package org.openst.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.h2.util.OsgiDataSourceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openst.storage.api.ChatQuery;
import org.openst.storage.api.StatEvent;
import org.openst.storage.api.StatTotal;
import org.openst.storage.api.StorageException;
import org.osgi.framework.BundleContext;

/**
 * The chat log's components wired by hand as DS would (no framework needed), with H2's own
 * DataSourceFactory: the database component from its configuration, the two services on it.
 */
class ChatLogDatabaseComponentTest {

    @TempDir
    Path dir;

    @Test
    void byDefaultTheChatLogIsAnH2FileOfItsOwnBesideTheStorage() {
        Path data = dir.resolve("data");
        BundleContext context = context(Map.of(ConnectionSettings.DATA_PROPERTY, data.toString()));
        OsgiDataSourceFactory h2 = new OsgiDataSourceFactory(new org.h2.Driver());
        ChatLogDatabaseComponent database = new ChatLogDatabaseComponent(context, config(4), h2);
        JdbcStorageComponent storage = new JdbcStorageComponent(context, storageConfig(), h2);
        try {
            assertEquals("H2 jdbc:h2:file:" + data + "/chatlog", database.describe());
            assertTrue(Files.exists(data.resolve("chatlog.mv.db")));
            assertTrue(Files.exists(data.resolve("storage.mv.db")), "the storage has its own file");

            JdbcChatLogComponent log = new JdbcChatLogComponent(database);
            JdbcStatisticsComponent statistics = new JdbcStatisticsComponent(database);
            log.append(List.of(ChatLogContract.entry("hello", ChatLogContract.T0)));
            statistics.append(List.of(new StatEvent(ChatLogContract.T0, "login", 1)));
            assertEquals(List.of("hello"), ChatLogContract.texts(log.find(ChatQuery.all(5))));
            assertEquals(List.of(new StatTotal(ChatLogContract.T0, "login", 1)),
                    statistics.totalsPerHour(Instant.MIN, Instant.MAX));
            assertEquals(database.describe(), log.describe());
        } finally {
            database.deactivate();
            storage.deactivate();
        }
        StorageException closed = assertThrows(StorageException.class,
                () -> new JdbcChatLog(database).find(ChatQuery.all(1)));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
    }

    @Test
    void aConfiguredUrlReplacesTheDefault() {
        Path elsewhere = dir.resolve("elsewhere/logs");
        ChatLogDatabaseComponent.Config config = config(2, "jdbc:h2:file:" + elsewhere);
        ChatLogDatabaseComponent database = new ChatLogDatabaseComponent(context(Map.of()), config,
                new OsgiDataSourceFactory(new org.h2.Driver()));
        try {
            assertEquals("H2 jdbc:h2:file:" + elsewhere, database.describe());
            assertTrue(Files.exists(dir.resolve("elsewhere/logs.mv.db")));
        } finally {
            database.deactivate();
        }
    }

    @Test
    void anInvalidPoolSizeAtActivationOpensTheDefaultDatabase() {
        Path data = dir.resolve("data");
        ChatLogDatabaseComponent database = new ChatLogDatabaseComponent(
                context(Map.of(ConnectionSettings.DATA_PROPERTY, data.toString())), config(0),
                new OsgiDataSourceFactory(new org.h2.Driver()));
        try {
            assertEquals("H2 jdbc:h2:file:" + data + "/chatlog", database.describe());
        } finally {
            database.deactivate();
        }
    }

    /** A BundleContext that only answers getProperty, which is all the components ask. */
    static BundleContext context(Map<String, String> properties) {
        return (BundleContext) Proxy.newProxyInstance(ChatLogDatabaseComponentTest.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return properties.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** What DS builds from no configuration at all, except the pool size. */
    private static ChatLogDatabaseComponent.Config config(int poolSize) {
        return config(poolSize, ConnectionSettings.DEFAULT_CHAT_LOG_URL);
    }

    private static ChatLogDatabaseComponent.Config config(int poolSize, String url) {
        return new ChatLogDatabaseComponent.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ChatLogDatabaseComponent.Config.class;
            }

            @Override
            public String url() {
                return url;
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

    private static JdbcStorageComponent.Config storageConfig() {
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
                return 2;
            }

            @Override
            public String DataSourceFactory_target() {
                return JdbcStorageComponent.H2_DRIVER;
            }
        };
    }
}
