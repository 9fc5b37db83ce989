package org.openst.storage.api;

import java.util.List;

/**
 * One page of chat log entries.
 *
 * @param entries the entries, oldest first
 * @param more    whether entries follow after this page
 * @since 1.1
 */
public record ChatPage(List<ChatEntry> entries, boolean more) {
    public ChatPage {
        entries = List.copyOf(entries);
    }
}
