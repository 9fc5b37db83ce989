package org.openst.storage.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One logged chat message (the seed's Chat Logging): who wrote what, to whom or where, when.
 *
 * @param id             assigned by the store (ascending in the order entries were appended);
 *                       0 in entries not yet stored
 * @param at             when the server delivered it
 * @param kind           one-to-one IM, conference or place
 * @param conversationId the IM channel, conference name or place name the message belongs to
 * @param fromUserId     the sender's user ID
 * @param fromName       the sender's display name at the time
 * @param toUserId       the receiver's user ID for an IM; "" for conferences and places
 * @param format         "text", "html", "mime" or "subject" (protocol spec §6.1.2)
 * @param text           the message
 * @since 1.1
 */
public record ChatEntry(long id, Instant at, Kind kind, String conversationId, String fromUserId, String fromName,
        String toUserId, String format, String text) {

    /** Where a message was written. */
    public enum Kind {
        IM, CONFERENCE, PLACE
    }

    public ChatEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(fromUserId, "fromUserId");
        fromName = fromName == null ? "" : fromName;
        toUserId = toUserId == null ? "" : toUserId;
        format = format == null ? "text" : format;
        Objects.requireNonNull(text, "text");
    }

    /** The same entry with the ID the store gave it. */
    public ChatEntry withId(long storedId) {
        return new ChatEntry(storedId, at, kind, conversationId, fromUserId, fromName, toUserId, format, text);
    }
}
