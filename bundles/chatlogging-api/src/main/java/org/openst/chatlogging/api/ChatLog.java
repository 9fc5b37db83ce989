package org.openst.chatlogging.api;

import org.openst.storage.api.ChatEntry;
import org.openst.storage.api.ChatPage;
import org.openst.storage.api.ChatQuery;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The chat log. Registered by the chat logging bundle whether or not logging is enabled, so that
 * callers need no configuration of their own.
 */
@ProviderType
public interface ChatLog {

    /** Whether messages are being recorded (the administrator's setting). */
    boolean isEnabled();

    /**
     * Records a message when logging is enabled; does nothing otherwise. Never blocks and never
     * throws: entries are queued and written by the chat logging bundle, kept while its store is
     * being swapped, and written once a store is back.
     */
    void record(ChatEntry entry);

    /**
     * Reads the log (may block on the database).
     *
     * @throws org.openst.storage.api.StorageException when no store is available or it fails
     */
    ChatPage find(ChatQuery query);
}
