package org.openst.storage.jdbc;

import org.osgi.service.component.ComponentContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How both database components take a changed configuration. They have a {@code @Modified}
 * method so that a refused configuration leaves them serving on the old database; an accepted
 * one that names another database (url, user, password, pool size) re-creates the component,
 * as DS would without {@code @Modified}: disabling and enabling it by name makes DS build a new
 * instance from the new configuration. Its services go away and come back on the new database;
 * nothing is copied.
 *
 * <p>Both are asked from a thread of their own, after the modified method has returned: Felix
 * SCR makes a disable wait for the reconfiguration in progress (the modified call itself) and an
 * enable wait for the disable before it, so asking from the modified method would block it.
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
        Thread reopen = new Thread(() -> {
            try {
                context.disableComponent(pid);
                context.enableComponent(pid);
            } catch (RuntimeException e) {
                LOG.warn("{}: could not re-open the database (is the bundle stopping?): {}", pid, e.toString());
            }
        }, "openst-reopen-" + pid);
        reopen.setDaemon(true);
        reopen.start();
    }
}
