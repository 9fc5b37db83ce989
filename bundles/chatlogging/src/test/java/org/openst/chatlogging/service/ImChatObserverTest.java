package org.openst.chatlogging.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openst.chatlogging.api.ChatLog;
import org.openst.hub.api.ImRecord;
import org.openst.storage.api.ChatEntry;
import org.openst.storage.api.ChatPage;
import org.openst.storage.api.ChatQuery;
import org.openst.support.testing.FakeLogin;

/** An IM as the hub reports it becomes one IM entry of the chat log. */
class ImChatObserverTest {

    /** A chat log that only collects what it is given. */
    static final class CollectingLog implements ChatLog {
        final List<ChatEntry> recorded = new ArrayList<>();

        @Override
        public boolean isEnabled() {
            return true;
        }

        @Override
        public void record(ChatEntry entry) {
            recorded.add(entry);
        }

        @Override
        public ChatPage find(ChatQuery query) {
            return new ChatPage(recorded, false);
        }
    }

    @Test
    void imRecordMapsToAnImEntry() {
        CollectingLog log = new CollectingLog();
        ImChatObserver observer = new ImChatObserver(log);
        Instant at = Instant.parse("2026-11-24T09:30:00.123Z");
        FakeLogin alice = FakeLogin.named("hub1-1", "alice", "Alice Example");
        FakeLogin bob = FakeLogin.named("hub1-2", "bob", "Bob Builder");

        observer.imDelivered(new ImRecord(alice, bob, "hub1-1/2a", at, "html", "<b>hi</b> ü"));
        observer.imDelivered(new ImRecord(bob, alice, "hub1-1/2a", at.plusSeconds(1), "text", "hello"));
        observer.imDelivered(new ImRecord(bob, alice, "hub1-1/2a", at.plusSeconds(2), "text", ""));

        assertEquals(List.of(
                new ChatEntry(0, at, ChatEntry.Kind.IM, "hub1-1/2a", "alice", "Alice Example", "bob", "html",
                        "<b>hi</b> ü"),
                new ChatEntry(0, at.plusSeconds(1), ChatEntry.Kind.IM, "hub1-1/2a", "bob", "Bob Builder", "alice",
                        "text", "hello")), log.recorded, "an empty text is no message");
    }
}
