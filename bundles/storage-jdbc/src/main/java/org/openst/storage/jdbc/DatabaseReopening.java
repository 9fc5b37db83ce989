package org.openst.storage.jdbc;

import org.osgi.service.component.ComponentContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How both database components take a changed configuration. They have a {@code @Modified}
 * method so that a refused configuration leaves them serving on the old database; an accepted
 * one that names another database (url, user, password, pool size) re-creates the component,
 * as DS would without {@code @Modified}: disabling and enabling it by name (both asynchronous,
 * in that order) makes DS build a new instance from the new configuration. Its services go away
 * and come back on the new database; nothing is copied.
 */
final class DatabaseReopening {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseReopening.class);

    private DatabaseReopening() {
    }

    /** Re-creates the component {@code pid} when {@code next} differs from what it runs on. */
    static void reopenIfChanged(ComponentContext context, String pid, ConnectionSettings current,
            ConnectionSettings next) {
        if (next.equals(current)) {
            return;
        }
        LOG.info("{}: database settings changed ({} -> {}): re-opening", pid, current, next);
        context.disableComponent(pid);
        context.enableComponent(pid);
    }
}
