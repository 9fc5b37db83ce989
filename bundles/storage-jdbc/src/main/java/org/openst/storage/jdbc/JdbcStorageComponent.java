package org.openst.storage.jdbc;

import org.openst.storage.api.ConfigRecords;
import org.openst.storage.api.PrivacyStore;
import org.openst.storage.api.StorageException;
import org.openst.storage.api.UserStorage;
import org.openst.support.config.ConfigGate;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers {@link JdbcStorage} as the three storage services, on a database obtained from the
 * OSGi JDBC service ({@link DataSourceFactory}; the H2 and PostgreSQL driver bundles register
 * one). Only wiring lives here. A configuration change that names another database re-creates
 * the component ({@link DatabaseReopening}): the services go away and come back on the new
 * database. A refused one (bad pool size or URL) leaves it serving on the old database.
 */
@Component(name = JdbcStorageComponent.PID, configurationPid = JdbcStorageComponent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = {UserStorage.class, PrivacyStore.class, ConfigRecords.class},
        // Immediate: a database that cannot be opened shows up in the log at start, not at first use.
        immediate = true)
@Designate(ocd = JdbcStorageComponent.Config.class)
public final class JdbcStorageComponent extends JdbcStorage {

    static final String PID = "org.openst.storage.jdbc";

    static final String H2_DRIVER = "(" + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=org.h2.Driver)";

    @ObjectClassDefinition(name = "OpenST storage on JDBC",
            description = "User storage, privacy lists and configuration records in a JDBC database.")
    @interface Config {
        @AttributeDefinition(name = "JDBC URL", description = "${openst.data} is the server's data folder "
                + "(framework property openst.data, else 'data' in the working directory). For H2, "
                + ";WRITE_DELAY=0 is added unless the URL sets it.")
        String url() default ConnectionSettings.DEFAULT_URL;

        @AttributeDefinition(name = "User", description = "Database user; empty for none.", required = false)
        String user() default "";

        @AttributeDefinition(name = "Password", description = "Database password; empty for none.",
                type = AttributeType.PASSWORD, required = false)
        String password() default "";

        @AttributeDefinition(name = "Connections", description = "The most database connections open at once.",
                min = "1")
        int pool_size() default 4;

        @AttributeDefinition(name = "Driver filter", description = "Selects the DataSourceFactory service, e.g. "
                + "(osgi.jdbc.driver.class=org.postgresql.Driver).")
        String DataSourceFactory_target() default H2_DRIVER;
    }

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStorageComponent.class);

    private final ConnectionSettings settings;

    /**
     * A refused configuration (logged) opens the default database.
     *
     * @throws StorageException when the database cannot be opened (the component then stays
     *         unsatisfied until its configuration or the driver changes)
     */
    @Activate
    public JdbcStorageComponent(BundleContext context, Config config,
            @Reference(name = "DataSourceFactory", target = H2_DRIVER) DataSourceFactory driver) {
        this(gate(context).initial(config), driver);
    }

    JdbcStorageComponent(ConnectionSettings settings, DataSourceFactory driver) {
        super(settings.createDataSource(driver), settings.url(), settings.poolSize());
        this.settings = settings;
    }

    /** A refused configuration keeps this database; another database re-creates the component. */
    @Modified
    void modified(ComponentContext context, Config config) {
        gate(context.getBundleContext()).next(config)
                .ifPresent(next -> DatabaseReopening.reopenIfChanged(context, PID, settings, next));
    }

    private static ConfigGate<Config, ConnectionSettings> gate(BundleContext context) {
        String dataFolder = context.getProperty(ConnectionSettings.DATA_PROPERTY);
        return new ConfigGate<>(PID, Config.class, c -> ConnectionSettings.of(c.url(), c.user(), c.password(),
                c.pool_size(), dataFolder), LOG);
    }

    @Deactivate
    void deactivate() {
        close();
    }
}
