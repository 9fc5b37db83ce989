package org.openst.storage.jdbc;

import org.openst.storage.api.StatisticsStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * Registers {@link JdbcStatistics} as the {@link StatisticsStore} service, on the database of
 * {@link ChatLogDatabaseComponent} (configured there, PID {@code org.openst.chatlog.jdbc}).
 */
@Component(name = ChatLogDatabaseComponent.PID + ".statistics", service = StatisticsStore.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
public final class JdbcStatisticsComponent extends JdbcStatistics {

    /** The database is the other component's: it closes it, not this one. */
    @Activate
    public JdbcStatisticsComponent(@Reference(name = "ChatLogDatabase") ChatLogDatabase database) {
        super(database);
    }
}
