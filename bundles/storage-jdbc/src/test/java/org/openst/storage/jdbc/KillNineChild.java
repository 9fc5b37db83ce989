package org.openst.storage.jdbc;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.PrivacyUser;
import org.openst.storage.api.ChatEntry;
import org.openst.storage.api.StatEvent;

/**
 * The process {@link KillNineDurabilityTest} kills: saves round after round on the URL the
 * component would build, and prints "SAVED i" once every call of round i has returned. A round
 * of {@link #STORAGE} saves a storage unit, a privacy list and a configuration record through
 * plain {@link JdbcStorage}; one of {@link #CHAT_LOG} appends {@link #ENTRIES_PER_ROUND} chat log
 * entries and one statistics event.
 *
 * <p>Arguments: the data folder, the number of rounds, and what to save (default storage).
 */
public final class KillNineChild {

    static final String STORAGE = "storage";
    static final String CHAT_LOG = "chatlog";
    static final int ENTRIES_PER_ROUND = 3;

    private KillNineChild() {
    }

    public static void main(String[] args) {
        Path dataFolder = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        if (args.length > 2 && args[2].equals(CHAT_LOG)) {
            appendChatLog(dataFolder, rounds);
        } else {
            saveStorage(dataFolder, rounds);
        }
    }

    private static void saveStorage(Path dataFolder, int rounds) {
        String url = TestDatabases.h2Url(dataFolder, "");
        JdbcStorage storage = new JdbcStorage(TestDatabases.h2(url), url, 1);
        opened();
        for (int i = 0; i < rounds; i++) {
            storage.save(user(i), i, unit(i));
            storage.save(user(i), privacy(i));
            storage.put(KillNineDurabilityTest.NAMESPACE, "record-" + i, "value-" + i);
            saved(i);
        }
        // Not reached in the test: it kills this process long before.
        storage.close();
    }

    private static void appendChatLog(Path dataFolder, int rounds) {
        ChatLogDatabase database = TestDatabases.openH2ChatLog(dataFolder);
        JdbcChatLog log = new JdbcChatLog(database);
        JdbcStatistics statistics = new JdbcStatistics(database);
        opened();
        Instant start = Instant.parse("2026-03-03T10:00:00Z");
        for (int i = 0; i < rounds; i++) {
            List<ChatEntry> entries = new ArrayList<>();
            for (int e = 0; e < ENTRIES_PER_ROUND; e++) {
                entries.add(new ChatEntry(0, start.plusMillis(i), ChatEntry.Kind.IM, "im", user(i), "", "bob", "text",
                        chatText(i, e)));
            }
            log.append(entries);
            statistics.append(List.of(new StatEvent(start.plusMillis(i), "round", 1)));
            saved(i);
        }
        database.close();
    }

    private static void opened() {
        System.out.println("OPEN");
        System.out.flush();
    }

    private static void saved(int round) {
        System.out.println("SAVED " + round);
        System.out.flush();
    }

    static String user(int round) {
        return "user-" + (round % 7);
    }

    static String chatText(int round, int entry) {
        return "round " + round + " entry " + entry;
    }

    static byte[] unit(int round) {
        byte[] value = new byte[100 + round % 50];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) (round + i);
        }
        return value;
    }

    /** The privacy list a user got in its last round up to {@code round}. */
    static PrivacyInfo privacy(int round) {
        return new PrivacyInfo(round % 2 == 0, List.of(PrivacyUser.of("blocked-" + round)));
    }
}
