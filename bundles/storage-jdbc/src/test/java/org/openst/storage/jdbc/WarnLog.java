package org.openst.storage.jdbc;

import java.util.List;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** Captures what this bundle logs at WARN, instead of printing it. */
final class WarnLog implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger("org.openst.storage.jdbc");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level oldLevel;

    WarnLog() {
        oldLevel = logger.getLevel();
        logger.setLevel(Level.WARN);
        logger.setAdditive(false);
        appender.start();
        logger.addAppender(appender);
    }

    List<String> messages() {
        return appender.list.stream().filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(oldLevel);
        logger.setAdditive(true);
    }
}
