package org.openst.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openst.storage.api.ChatEntry;
import org.openst.storage.api.ChatQuery;
import org.openst.storage.api.StatTotal;

/**
 * "A method that returns normally has made its change durable: it survives ... a kill -9."
 * A child JVM saves as fast as it can and reports each acknowledged round; this test SIGKILLs it
 * mid-stream, reopens the database and finds every acknowledged change. Without H2's
 * WRITE_DELAY=0 the last half second of acknowledged rounds would be missing.
 */
class KillNineDurabilityTest {

    static final String NAMESPACE = "org.openst.test.kill";

    /** Rounds to see acknowledged before the kill; the child keeps saving meanwhile. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 300;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedChangeSurvivesKill9() throws Exception {
        Path data = dir.resolve("data");
        int lastAcknowledged = KillNine.killWhileSaving(dir, data, KillNineChild.STORAGE, ACKNOWLEDGED_BEFORE_KILL);

        try (JdbcStorage reopened = TestDatabases.openH2(data)) {
            for (int round = 0; round <= lastAcknowledged; round++) {
                String user = KillNineChild.user(round);
                assertArrayEquals(KillNineChild.unit(round), reopened.load(user, round).orElse(null), "unit of round " + round);
                assertEquals(Optional.of("value-" + round), reopened.get(NAMESPACE, "record-" + round), "record of round " + round);
            }
            // Each user's privacy list is the one of its latest round, acknowledged or not yet.
            for (int userRound = Math.max(0, lastAcknowledged - 6); userRound <= lastAcknowledged; userRound++) {
                String user = KillNineChild.user(userRound);
                int stored = Integer.parseInt(reopened.load(user).orElseThrow().users().get(0).id().substring("blocked-".length()));
                assertTrue(stored >= userRound && (stored - userRound) % 7 == 0,
                        "privacy list of " + user + " is from round " + stored + ", older than acknowledged round " + userRound);
            }
        }
    }

    @Test
    void everyAcknowledgedChatLogEntryAndEventSurvivesKill9() throws Exception {
        Path data = dir.resolve("data");
        int lastAcknowledged = KillNine.killWhileSaving(dir, data, KillNineChild.CHAT_LOG, ACKNOWLEDGED_BEFORE_KILL);

        try (ChatLogDatabase reopened = TestDatabases.openH2ChatLog(data)) {
            int acknowledgedEntries = (lastAcknowledged + 1) * KillNineChild.ENTRIES_PER_ROUND;
            List<ChatEntry> found = new JdbcChatLog(reopened).find(ChatQuery.all(acknowledgedEntries)).entries();
            assertEquals(acknowledgedEntries, found.size(), "entries of the acknowledged rounds");
            for (int round = 0; round <= lastAcknowledged; round++) {
                for (int i = 0; i < KillNineChild.ENTRIES_PER_ROUND; i++) {
                    assertEquals(KillNineChild.chatText(round, i),
                            found.get(round * KillNineChild.ENTRIES_PER_ROUND + i).text(), "entry " + i + " of round " + round);
                }
            }
            ChatLogContract.assertAscending(ChatLogContract.ids(found));
            long events = new JdbcStatistics(reopened).totalsPerHour(Instant.MIN, Instant.MAX).stream()
                    .mapToLong(StatTotal::total).sum();
            assertTrue(events >= lastAcknowledged + 1, events + " events for " + (lastAcknowledged + 1) + " acknowledged rounds");
        }
    }
}
