package org.openst.runtime;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends java.util.logging (what FileInstall logs to, see {@code felix.fileinstall.log.default})
 * to slf4j, so everything ends up in log/hub.log. Installed by the launcher only: it changes a
 * JVM-wide setting.
 */
final class JulBridge extends Handler {

    private JulBridge() {
    }

    static void install() {
        java.util.logging.Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        root.addHandler(new JulBridge());
        root.setLevel(Level.INFO);
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null) {
            return;
        }
        Logger log = LoggerFactory.getLogger(record.getLoggerName() == null ? "jul" : record.getLoggerName());
        String msg = record.getMessage();
        if (msg != null && record.getParameters() != null && record.getParameters().length > 0) {
            try {
                msg = java.text.MessageFormat.format(msg, record.getParameters());
            } catch (IllegalArgumentException e) {
                // keep the raw message
            }
        }
        int level = record.getLevel().intValue();
        if (level >= Level.SEVERE.intValue()) {
            log.error(msg, record.getThrown());
        } else if (level >= Level.WARNING.intValue()) {
            log.warn(msg, record.getThrown());
        } else if (level >= Level.INFO.intValue()) {
            log.info(msg, record.getThrown());
        } else {
            log.debug(msg, record.getThrown());
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
