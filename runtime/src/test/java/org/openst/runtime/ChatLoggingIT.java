package org.openst.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openst.client.ChannelCipher;
import org.openst.client.ClientOptions;
import org.openst.client.EventCollector;
import org.openst.client.ImConversation;
import org.openst.client.SametimeClient;

/**
 * Chat logging in the real runtime (issue 5): with logging enabled an RC2/128-encrypted IM is
 * delivered and logged as plain text, and the chat log database is switched from the embedded H2
 * to a real PostgreSQL and back while messages flow, without losing or doubling one.
 */
class ChatLoggingIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String STORE = "org.openst.storage.api.ChatLogStore";

    @TempDir
    static Path tmp;
    static RunningHub hub;

    @BeforeAll
    static void start() throws Exception {
        hub = RunningHub.start(tmp.resolve("hub"), "hub.id = log1\n",
                Map.of("org.openst.chatlogging.cfg", "enabled = true\n"));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void encryptedImIsDeliveredAndLoggedAsPlainText() throws Exception {
        String marker = "logged-" + System.nanoTime();
        try (Pair pair = Pair.open()) {
            assertEquals(ChannelCipher.RC2_128, pair.toBob.cipher(), "alice's end is encrypted");
            assertEquals(ChannelCipher.RC2_128, pair.fromAlice.cipher(), "bob's end is encrypted");
            pair.send(marker + " <b>ü</b>");
            Await.until("the IM in the chat log", () -> logged(marker).size() == 1, hub::bundleStates);
            Map<String, Object> entry = logged(marker).get(0);
            assertEquals("alice", entry.get("fromUserId"));
            assertEquals("bob", entry.get("toUserId"));
            assertEquals("IM", String.valueOf(entry.get("kind")));
            assertTrue(String.valueOf(entry.get("text")).contains(marker + " <b>ü</b>"), entry.toString());
        }
    }

    @Test
    void chatLogMovesToPostgreSqlAndBackWithoutLosingAMessage() throws Exception {
        String url = System.getenv("OPENST_TEST_PG_URL");
        if (url == null) {
            Assumptions.assumeFalse("true".equals(System.getenv("OPENST_REQUIRE_POSTGRES")),
                    "OPENST_REQUIRE_POSTGRES is set but OPENST_TEST_PG_URL is not: run .ci/postgres.sh");
            Assumptions.abort("no PostgreSQL named (OPENST_TEST_PG_URL); .ci/run starts one");
        }
        Path config = hub.home.resolve("conf/org.openst.chatlog.jdbc.cfg");
        String run = "swap-" + System.nanoTime() + "-";
        List<String> sent = new ArrayList<>();
        try (Pair pair = Pair.open()) {
            for (int i = 0; i < 5; i++) {
                sent.add(pair.send(run + sent.size()));
            }
            // Switch to PostgreSQL while messages keep coming; the chat log queues what arrives
            // while no store is bound.
            Files.writeString(config, "url = " + url + "\nuser = " + System.getenv("OPENST_TEST_PG_USER")
                    + "\npassword = " + System.getenv("OPENST_TEST_PG_PASSWORD")
                    + "\nDataSourceFactory.target = (osgi.jdbc.driver.class=org.postgresql.Driver)\n",
                    StandardCharsets.UTF_8);
            while (!storeIs("PostgreSQL")) {
                sent.add(pair.send(run + sent.size()));
            }
            for (int i = 0; i < 5; i++) {
                sent.add(pair.send(run + sent.size()));
            }
            // Entries are written in order: once the last is in PostgreSQL, all are somewhere.
            String last = sent.get(sent.size() - 1);
            Await.until("the last message in PostgreSQL", () -> texts(logged(run)).contains(last), hub::bundleStates);
            Set<String> inPostgres = texts(logged(run));

            Files.delete(config); // back to the default: the embedded H2 database
            Await.until("the chat log back on H2", () -> storeIs("H2"), hub::bundleStates);
            // The chat log service rebinds to the new store a moment later; until then find() fails.
            Set<String> expected = new HashSet<>(sent);
            List<Set<String>> inH2 = new ArrayList<>(List.of(Set.of()));
            Await.until("every message in PostgreSQL or H2", () -> {
                inH2.set(0, texts(logged(run)));
                Set<String> all = new HashSet<>(inPostgres);
                all.addAll(inH2.get(0));
                return all.equals(expected);
            }, () -> "PostgreSQL " + inPostgres.size() + ", H2 " + inH2.get(0).size() + " of " + sent.size());

            Set<String> both = new HashSet<>(inPostgres);
            both.retainAll(inH2.get(0));
            assertTrue(both.isEmpty(), "logged twice: " + both);
            assertTrue(!inPostgres.isEmpty() && !inH2.get(0).isEmpty(), "both databases were used");
        } finally {
            Files.deleteIfExists(config);
        }
    }

    /** alice and bob logged in, with an IM conversation from alice to bob. */
    private record Pair(SametimeClient alice, SametimeClient bob, EventCollector bobEvents, ImConversation toBob,
            ImConversation fromAlice) implements AutoCloseable {
        static Pair open() throws IOException {
            EventCollector bobEvents = new EventCollector();
            SametimeClient alice = SametimeClient.connect("127.0.0.1", hub.port);
            alice.login("alice", "alice-pw");
            SametimeClient bob = SametimeClient.connect("127.0.0.1", hub.port,
                    ClientOptions.builder().listener(bobEvents).build());
            bob.login("bob", "bob-pw");
            ImConversation toBob = alice.openIm("bob");
            return new Pair(alice, bob, bobEvents, toBob, bobEvents.awaitConversation(WAIT));
        }

        /** Sends a text and waits until bob has it; @return the text */
        String send(String text) throws IOException {
            toBob.sendText(text);
            assertEquals(text, bobEvents.awaitIm(WAIT).text());
            return text;
        }

        @Override
        public void close() {
            alice.close();
            bob.close();
        }
    }

    private static boolean storeIs(String product) {
        try {
            return String.valueOf(hub.callService(STORE, "describe")).startsWith(product);
        } catch (AssertionError e) {
            return false; // between two stores
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> texts(List<Map<String, Object>> entries) {
        Set<String> texts = new HashSet<>();
        for (Map<String, Object> e : entries) {
            texts.add(String.valueOf(e.get("text")));
        }
        return texts;
    }

    private static List<Map<String, Object>> logged(String text) {
        return ChatLogReader.find(hub, text);
    }
}
