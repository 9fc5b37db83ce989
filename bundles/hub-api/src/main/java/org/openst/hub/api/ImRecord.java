package org.openst.hub.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One IM text as an {@link ImObserver} sees it.
 *
 * @param from           the sender's login
 * @param to             the receiver's login
 * @param conversationId stable for the life of one IM channel, unique on this hub
 * @param at             when the hub delivered it
 * @param format         what {@code text} holds: {@code "text"} (plain), {@code "html"},
 *                       {@code "mime"} (a MIME document) or {@code "subject"} (spec §6.1.2)
 * @param text           the message as the sender wrote it
 * @since 1.2
 */
public record ImRecord(Login from, Login to, String conversationId, Instant at, String format, String text) {
    public ImRecord {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(text, "text");
    }
}
