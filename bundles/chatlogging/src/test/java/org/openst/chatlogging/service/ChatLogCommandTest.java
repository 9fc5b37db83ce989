package org.openst.chatlogging.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openst.hub.core.Awaits;
import org.openst.storage.api.ChatEntry;
import org.openst.storage.api.ChatQuery;
import org.openst.support.testing.MutableClock;

/** The {@code openst:chatlog} shell command: options, paging and the one-line format. */
class ChatLogCommandTest {
    private final ChatLogComponent log = new ChatLogComponent(new ChatLogSettings(true, 0, 1000, 100),
            new MutableClock(Entries.T0), new RecordingCompanions(), Duration.ofMillis(1), Duration.ofMillis(5));

    @AfterEach
    void stop() {
        log.deactivate();
    }

    @Test
    void optionsBuildTheQuery() {
        ChatQuery q = ChatLogCommand.parse("--user", "alice", "--conversation", "lobby", "--since", "2026-11-01",
                "--until", "2026-11-24T10:15:00Z", "--text", "plans", "--page", "3");
        assertEquals(new ChatQuery("alice", "lobby", Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-24T10:15:00Z"), "plans", 100, ChatLogCommand.PAGE_SIZE), q);
        assertEquals(ChatQuery.all(ChatLogCommand.PAGE_SIZE), ChatLogCommand.parse());
        assertEquals(Instant.parse("2026-11-24T10:15:00Z"), ChatLogCommand.instant("2026-11-24T10:15"));
    }

    @Test
    void badOptionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ChatLogCommand.parse("--colour", "red"));
        assertThrows(IllegalArgumentException.class, () -> ChatLogCommand.parse("--user"));
        assertThrows(IllegalArgumentException.class, () -> ChatLogCommand.parse("--page", "0"));
        assertThrows(IllegalArgumentException.class, () -> ChatLogCommand.parse("--since", "yesterday"));
        String out = new ChatLogCommand(log).chatlog("--page", "x");
        assertTrue(out.startsWith("not a page number: x\nusage: chatlog"), out);
    }

    @Test
    void oneLinePerEntry() {
        assertEquals("2026-11-24T10:00:00Z IM hub1-1/2a alice -> bob: hello\\nagain",
                ChatLogCommand.line(new ChatEntry(1, Entries.T0, ChatEntry.Kind.IM, "hub1-1/2a", "alice", "Alice",
                        "bob", "text", "hello\nagain")));
        assertEquals("2026-11-24T10:00:00Z PLACE lobby carol -> *: [html] <b>hi</b>",
                ChatLogCommand.line(new ChatEntry(2, Entries.T0, ChatEntry.Kind.PLACE, "lobby", "carol", "Carol", "",
                        "html", "<b>hi</b>")));
    }

    @Test
    void printsAPageAndPointsToTheNext() {
        ChatLogCommand command = new ChatLogCommand(log);
        assertTrue(command.chatlog().startsWith("chat log not readable: no chat log store"), "no store yet");

        MemoryStore store = new MemoryStore("A");
        log.bindChatLogStore(store);
        for (int i = 0; i < 60; i++) {
            log.record(Entries.entry(i));
        }
        Awaits.until(() -> store.size() == 60, "written");
        String first = command.chatlog();
        String[] lines = first.split("\n");
        assertEquals(51, lines.length, first);
        assertEquals("2026-11-24T10:00:00Z IM alice-login/1 alice -> bob: m0", lines[0]);
        assertEquals("more: --page 2", lines[50]);
        String second = command.chatlog("--page", "2");
        assertEquals(10, second.split("\n").length, second);
        assertEquals("no entries on page 3\n", command.chatlog("--page", "3"));
    }
}
