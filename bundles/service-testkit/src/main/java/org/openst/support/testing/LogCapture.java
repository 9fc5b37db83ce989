package org.openst.support.testing;

import java.util.List;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** Collects what one class logs, for assertions on WARN and INFO lines; close it to stop. */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LogCapture(Class<?> source) {
        logger = (Logger) LoggerFactory.getLogger(source);
        appender.start();
        logger.addAppender(appender);
    }

    /** Formatted messages logged at {@code level} so far. */
    public List<String> messages(Level level) {
        synchronized (appender.list) {
            return appender.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage)
                    .toList();
        }
    }

    /** Whether one message logged at {@code level} contains all {@code parts}. */
    public boolean has(Level level, String... parts) {
        return messages(level).stream().anyMatch(m -> List.of(parts).stream().allMatch(m::contains));
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
    }
}
