package org.openst.conference;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

import org.openst.chatlogging.api.ChatLog;
import org.openst.storage.api.ChatEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands conference texts to the chat log (the seed's Chat Logging: the chat logging application
 * "listens to the chat in the place") when one is bound and enabled. Typing notices are not chat.
 */
final class ChatRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(ChatRecorder.class);

    private final Clock clock;
    private final AtomicReference<ChatLog> log = new AtomicReference<>();

    ChatRecorder(Clock clock) {
        this.clock = clock;
    }

    void use(ChatLog chatLog) {
        log.set(chatLog);
    }

    /** Forgets {@code chatLog} if it is the one in use. */
    void forget(ChatLog chatLog) {
        log.compareAndSet(chatLog, null);
    }

    /**
     * Records one text. {@link ChatLog#record} queues and never blocks; a failing log costs a log
     * line, never the message.
     */
    void text(Member from, String text) {
        ChatLog current = log.get();
        if (current == null || text.isEmpty()) {
            return;
        }
        try {
            if (current.isEnabled()) {
                current.record(new ChatEntry(0, clock.instant(), ChatEntry.Kind.CONFERENCE, from.conference().name(),
                        from.userId(), from.info().userName(), "", "text", text));
            }
        } catch (RuntimeException e) {
            LOG.warn("conference: the chat log failed to take a message of {} in '{}'", from.userId(),
                    from.conference().name(), e);
        }
    }
}
