package org.openst.chatlogging.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.openst.storage.api.ChatEntry;

/** Numbered test entries: text "m" + n, one second apart. */
final class Entries {
    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private Entries() {
    }

    static ChatEntry entry(int n) {
        return new ChatEntry(0, T0.plusSeconds(n), ChatEntry.Kind.IM, "alice-login/1", "alice", "Alice Example", "bob",
                "text", "m" + n);
    }

    static List<String> texts(List<ChatEntry> entries) {
        List<String> texts = new ArrayList<>();
        entries.forEach(e -> texts.add(e.text()));
        return texts;
    }

    static List<String> expected(int from, int toExclusive) {
        List<String> texts = new ArrayList<>();
        for (int i = from; i < toExclusive; i++) {
            texts.add("m" + i);
        }
        return texts;
    }
}
