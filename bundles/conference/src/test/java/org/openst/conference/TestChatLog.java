package org.openst.conference;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.openst.chatlogging.api.ChatLog;
import org.openst.storage.api.ChatEntry;
import org.openst.storage.api.ChatPage;
import org.openst.storage.api.ChatQuery;

/** A chat log double that keeps what it is given. */
final class TestChatLog implements ChatLog {
    final List<ChatEntry> entries = new CopyOnWriteArrayList<>();
    volatile boolean enabled = true;

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void record(ChatEntry entry) {
        if (enabled) {
            entries.add(entry);
        }
    }

    @Override
    public ChatPage find(ChatQuery query) {
        throw new UnsupportedOperationException("not needed by the conference service");
    }
}
