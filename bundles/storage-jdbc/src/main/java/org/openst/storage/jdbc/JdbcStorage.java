package org.openst.storage.jdbc;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.ProtocolException;
import org.openst.protocol.WireReader;
import org.openst.protocol.WireWriter;
import org.openst.storage.api.ConfigRecords;
import org.openst.storage.api.PrivacyStore;
import org.openst.storage.api.StorageException;
import org.openst.storage.api.UserStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three storage services on any JDBC {@link DataSource}, without OSGi. Creates its tables on
 * construction; every method is one transaction, durable when it returns (given a database that
 * makes commits durable: see {@link ConnectionSettings} for H2). Thread-safe; at most {@code
 * poolSize} operations reach the database at once, on this object's own threads (see {@link
 * Transactions} for why), the others wait their turn.
 */
public class JdbcStorage implements UserStorage, PrivacyStore, ConfigRecords, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStorage.class);

    private final Database database;

    /**
     * Connects, creates the tables that are missing and checks their version.
     *
     * @param dataSource where connections come from
     * @param url the database's JDBC URL, only to name it in {@link #describe()} and messages;
     *        anything after {@code ;} or {@code ?} (where passwords may hide) is left out
     * @param poolSize the most connections kept open at once, at least 1
     * @throws StorageException when the database cannot be reached or its schema is too new
     */
    public JdbcStorage(DataSource dataSource, String url, int poolSize) {
        this(dataSource, url, poolSize, null);
    }

    /** @param dialect forced instead of detected, so tests can run one database's SQL on another */
    JdbcStorage(DataSource dataSource, String url, int poolSize, SqlDialect dialect) {
        this.database = new Database("storage", dataSource, url, poolSize, dialect, Schema::create);
    }

    // ---- UserStorage

    @Override
    public Optional<byte[]> load(String userId, long key) {
        Objects.requireNonNull(userId, "userId");
        return database.run(unit("load", userId, key), c -> UserStorageTable.load(c, userId, key));
    }

    @Override
    public void save(String userId, long key, byte[] value) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(value, "value");
        byte[] copy = value.clone(); // the caller may reuse its array while we retry
        database.run(unit("save", userId, key), c -> {
            UserStorageTable.save(c, userId, key, copy);
            return null;
        });
    }

    @Override
    public boolean delete(String userId, long key) {
        Objects.requireNonNull(userId, "userId");
        return database.run(unit("delete", userId, key), c -> UserStorageTable.delete(c, userId, key));
    }

    @Override
    public long usedBytes(String userId) {
        Objects.requireNonNull(userId, "userId");
        return database.run("sum the storage units of " + user(userId), c -> UserStorageTable.usedBytes(c, userId));
    }

    @Override
    public String describe() {
        return database.describe();
    }

    // ---- PrivacyStore

    @Override
    public Optional<PrivacyInfo> load(String userId) {
        Objects.requireNonNull(userId, "userId");
        String operation = "load the privacy list of " + user(userId);
        Optional<byte[]> encoded = database.run(operation, c -> PrivacyTable.load(c, userId));
        return encoded.map(bytes -> decode(operation, bytes));
    }

    @Override
    public void save(String userId, PrivacyInfo privacy) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(privacy, "privacy");
        WireWriter writer = new WireWriter();
        privacy.write(writer);
        byte[] encoded = writer.toByteArray();
        database.run("save the privacy list of " + user(userId), c -> {
            PrivacyTable.save(c, userId, encoded);
            return null;
        });
    }

    @Override
    public Set<String> usersWithLists() {
        return Set.copyOf(database.run("list the users with a privacy list", PrivacyTable::usersWithLists));
    }

    private PrivacyInfo decode(String operation, byte[] encoded) {
        try {
            WireReader reader = new WireReader(encoded);
            PrivacyInfo privacy = PrivacyInfo.read(reader);
            if (reader.remaining() != 0) {
                throw new ProtocolException(reader.remaining() + " bytes left after the privacy list");
            }
            return privacy;
        } catch (ProtocolException e) {
            String message = operation + " failed on " + describe() + ": the stored list is corrupt: "
                    + e.getMessage();
            LOG.warn(message);
            throw new StorageException(message, e);
        }
    }

    // ---- ConfigRecords

    @Override
    public Optional<String> get(String namespace, String key) {
        requireRecord(namespace, key);
        return database.run(record("get", namespace, key), c -> ConfigRecordTable.get(c, namespace, key));
    }

    @Override
    public void put(String namespace, String key, String value) {
        requireRecord(namespace, key);
        Objects.requireNonNull(value, "value");
        database.run(record("put", namespace, key), c -> {
            ConfigRecordTable.put(c, namespace, key, value);
            return null;
        });
    }

    @Override
    public String putIfAbsent(String namespace, String key, String value) {
        requireRecord(namespace, key);
        Objects.requireNonNull(value, "value");
        return database.run(record("put if absent", namespace, key),
                c -> ConfigRecordTable.putIfAbsent(c, namespace, key, value));
    }

    @Override
    public boolean remove(String namespace, String key) {
        requireRecord(namespace, key);
        return database.run(record("remove", namespace, key), c -> ConfigRecordTable.remove(c, namespace, key));
    }

    @Override
    public Map<String, String> list(String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        return Collections.unmodifiableSortedMap(database.run("list the configuration records of namespace '"
                + namespace + "'", c -> ConfigRecordTable.list(c, namespace)));
    }

    /**
     * Lets running operations finish, then closes the connections (an embedded H2 database
     * closes with its last one). Later calls fail with {@link StorageException}.
     */
    @Override
    public void close() {
        database.close();
    }

    // ---- argument checks and operation names for messages

    private static void requireRecord(String namespace, String key) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(key, "key");
    }

    private static String user(String userId) {
        return "user '" + userId + "'";
    }

    private static String unit(String verb, String userId, long key) {
        return verb + " storage unit " + key + " of " + user(userId);
    }

    private static String record(String verb, String namespace, String key) {
        return verb + " configuration record '" + key + "' of namespace '" + namespace + "'";
    }
}
