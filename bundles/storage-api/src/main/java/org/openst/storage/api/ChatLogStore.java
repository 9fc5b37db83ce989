package org.openst.storage.api;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The chat logging SPI: where logged messages are kept (an embedded database by default,
 * PostgreSQL for larger installations). Methods may block; appended entries are durable when
 * {@link #append} returns.
 *
 * @since 1.1
 */
@ProviderType
public interface ChatLogStore {

    /** Stores entries (IDs are assigned here, ascending in list order); durable on return. */
    void append(List<ChatEntry> entries);

    ChatPage find(ChatQuery query);

    /** Deletes entries older than {@code cutoff} (retention). @return how many were deleted */
    int deleteBefore(Instant cutoff);

    /** A short human-readable name for logs ("H2 jdbc:h2:file:data/chatlog"). */
    String describe();
}
