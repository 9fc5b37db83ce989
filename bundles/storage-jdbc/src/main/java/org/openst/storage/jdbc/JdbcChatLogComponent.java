package org.openst.storage.jdbc;

import org.openst.storage.api.ChatLogStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

/**
 * Registers {@link JdbcChatLog} as the {@link ChatLogStore} service, on the database of {@link
 * ChatLogDatabaseComponent} (configured there, PID {@code org.openst.chatlog.jdbc}).
 */
@Component(name = ChatLogDatabaseComponent.PID + ".log", service = ChatLogStore.class,
        configurationPolicy = ConfigurationPolicy.IGNORE)
public final class JdbcChatLogComponent extends JdbcChatLog {

    /** The database is the other component's: it closes it, not this one. */
    @Activate
    public JdbcChatLogComponent(@Reference(name = "ChatLogDatabase") ChatLogDatabase database) {
        super(database);
    }
}
