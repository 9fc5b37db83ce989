package org.openst.chatlogging.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openst.client.ChannelCipher;
import org.openst.client.ImConversation;
import org.openst.hub.core.Awaits;
import org.openst.hub.core.Clients;
import org.openst.hub.core.TestHub;
import org.openst.storage.api.ChatEntry;

/**
 * Through a real hub and the Java client: with the chat log's IM observer registered, an RC2/128
 * IM from Alice to Bob lands in the log as plain text; with logging disabled and the observer
 * gone, a new IM channel is relayed end to end and nothing is logged.
 */
class ImLoggingEndToEndTest {
    private static final Duration WAIT = Clients.WAIT;

    @Test
    void encryptedImBetweenAliceAndBobIsLoggedAsPlainText() throws Exception {
        ChatLogComponent log = new ChatLogComponent(new ChatLogSettings(true, 90, 1000, 100),
                java.time.Clock.systemUTC(), new RecordingCompanions(), Duration.ofMillis(1), Duration.ofMillis(5));
        MemoryStore store = new MemoryStore("A");
        log.bindChatLogStore(store);
        ImChatObserver observer = new ImChatObserver(log);
        Instant before = Instant.now();
        try (TestHub hub = new TestHub(); Clients alice = Clients.login(hub, "alice", "alice-pw");
                Clients bob = Clients.login(hub, "bob", "bob-pw");
                Clients carol = Clients.login(hub, "carol", "carol-pw")) {
            hub.addImObserver(observer); // what DS does when the chat log enables its observer component

            ImConversation toBob = alice.client().openIm("bob");
            assertEquals(ChannelCipher.RC2_128, toBob.cipher(), "Alice's channel is still encrypted");
            ImConversation fromAlice = bob.events().awaitConversation(WAIT);
            assertEquals(ChannelCipher.RC2_128, fromAlice.cipher(), "Bob's channel is still encrypted");
            toBob.sendText("hello bob ✓ ünïcödé");
            assertEquals("hello bob ✓ ünïcödé", bob.events().awaitIm(WAIT).text());
            fromAlice.sendHtml("<b>hi</b> alice");
            assertEquals("<b>hi</b> alice", alice.events().awaitIm(WAIT).text());

            Awaits.until(() -> store.size() == 2, "both IMs in the log");
            List<ChatEntry> entries = store.entries();
            String conversation = alice.client().loginInfo().loginId() + "/" + Integer.toHexString(toBob.channelId());
            assertEntry(entries.get(0), conversation, "alice", "Alice Example", "bob", "text", "hello bob ✓ ünïcödé");
            assertEntry(entries.get(1), conversation, "bob", "Bob Builder", "alice", "html", "<b>hi</b> alice");
            entries.forEach(e -> assertEquals(true, !e.at().isBefore(before), "delivery time " + e.at()));

            // Logging disabled: the observer component is disabled, so the hub loses its observer.
            log.apply(new ChatLogSettings(false, 90, 1000, 100));
            hub.removeImObserver(observer);
            ImConversation toCarol = alice.client().openIm("carol");
            ImConversation atCarol = carol.events().awaitConversation(WAIT);
            toCarol.sendText("not logged");
            assertEquals("not logged", carol.events().awaitIm(WAIT).text());
            assertEquals(ChannelCipher.RC2_128, atCarol.cipher());
            toBob.sendText("terminated channel, logging off");
            assertEquals("terminated channel, logging off", bob.events().awaitIm(WAIT).text());
            assertEquals(2, store.size(), "nothing recorded while disabled");
        } finally {
            log.deactivate();
        }
    }

    private static void assertEntry(ChatEntry e, String conversation, String from, String fromName, String to,
            String format, String text) {
        assertEquals(ChatEntry.Kind.IM, e.kind());
        assertEquals(conversation, e.conversationId());
        assertEquals(from, e.fromUserId());
        assertEquals(fromName, e.fromName());
        assertEquals(to, e.toUserId());
        assertEquals(format, e.format());
        assertEquals(text, e.text());
    }
}
