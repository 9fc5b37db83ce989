package org.openst.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openst.storage.api.ChatEntry;
import org.openst.storage.api.ChatEntry.Kind;
import org.openst.storage.api.ChatPage;
import org.openst.storage.api.ChatQuery;
import org.openst.storage.api.StatEvent;
import org.openst.storage.api.StatTotal;
import org.openst.storage.api.StorageException;

/**
 * What the chat log and the statistics must do the same way on every database; one subclass per
 * database (or H2 mode). Each test starts on an empty database.
 */
abstract class ChatLogContract {

    /** A Tuesday, 10:00 UTC; the tests' times are offsets from it. */
    static final Instant T0 = Instant.parse("2026-03-03T10:00:00Z");

    @TempDir
    Path dir;

    ChatLogDatabase database;
    JdbcChatLog log;
    JdbcStatistics statistics;

    /** Opens the chat log's database on this test's database; called again to reopen it. */
    abstract ChatLogDatabase open();

    /** Empties the database before each test (a fresh folder already is). */
    void wipe() throws Exception {
    }

    @BeforeEach
    void openDatabase() throws Exception {
        wipe();
        reopen();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    void reopen() {
        database = open();
        log = new JdbcChatLog(database);
        statistics = new JdbcStatistics(database);
    }

    // ---- append and IDs

    @Test
    void appendedEntriesComeBackWithIdsAndEveryField() {
        ChatEntry im = new ChatEntry(0, T0.plusNanos(123_456_789), Kind.IM, "im-1", "alice", "Alice Example", "bob",
                "text", "hello bob");
        ChatEntry conference = new ChatEntry(0, T0.plusSeconds(1), Kind.CONFERENCE, "conf-7", "bob", "", "", "html",
                "<b>hi</b> all");
        ChatEntry place = new ChatEntry(0, T0.plusSeconds(2), Kind.PLACE, "lobby", "carol", "Carol", "", "subject",
                "New topic");
        log.append(List.of(im, conference, place));

        ChatPage page = log.find(ChatQuery.all(10));
        assertFalse(page.more());
        List<ChatEntry> found = page.entries();
        assertEquals(3, found.size());
        assertEquals(List.of(im, conference, place), withoutIds(found), "every field, times to the nanosecond");
        assertAscending(ids(found));
        assertTrue(found.get(0).id() > 0, "IDs are assigned by the store");
    }

    @Test
    void idsAscendInListOrderWhateverTheTimesAndAcrossAppends() {
        // Later entries first: IDs follow the list, the query order follows the time.
        List<ChatEntry> first = List.of(entry("c", T0.plusSeconds(30)), entry("b", T0.plusSeconds(20)),
                entry("a", T0.plusSeconds(10)));
        log.append(first);
        log.append(List.of(entry("d", T0.plusSeconds(5))));

        List<ChatEntry> found = log.find(ChatQuery.all(10)).entries();
        assertEquals(List.of("d", "a", "b", "c"), texts(found));
        long idOf = idOf(found, "c");
        assertTrue(idOf < idOf(found, "b") && idOf(found, "b") < idOf(found, "a"), "ascending in list order: " + found);
        assertTrue(idOf(found, "a") < idOf(found, "d"), "a later append gets higher IDs: " + found);
    }

    @Test
    void entriesAtTheSameTimeAreOrderedById() {
        log.append(List.of(entry("one", T0), entry("two", T0), entry("three", T0)));
        log.append(List.of(entry("four", T0)));
        List<ChatEntry> found = log.find(ChatQuery.all(10)).entries();
        assertEquals(List.of("one", "two", "three", "four"), texts(found));
        assertAscending(ids(found));
    }

    @Test
    void aLargeBatchIsStoredWholeAndInOrder() {
        int count = ChatLogTable.BATCH_SIZE * 2 + 17; // several JDBC batches in one transaction
        List<ChatEntry> entries = IntStream.range(0, count).mapToObj(i -> entry("m" + i, T0.plusMillis(i))).toList();
        log.append(entries);
        List<ChatEntry> found = log.find(ChatQuery.all(count + 5)).entries();
        assertEquals(entries, withoutIds(found));
        assertAscending(ids(found));
    }

    @Test
    void theEntriesOwnIdsAreIgnored() {
        log.append(List.of(entry("x", T0).withId(999_999), entry("y", T0).withId(5)));
        List<ChatEntry> found = log.find(ChatQuery.all(10)).entries();
        assertEquals(List.of("x", "y"), texts(found));
        assertAscending(ids(found));
    }

    @Test
    void anEmptyAppendChangesNothingAndNullsAreRefused() {
        log.append(List.of());
        assertEquals(List.of(), log.find(ChatQuery.all(5)).entries());
        List<ChatEntry> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(NullPointerException.class, () -> log.append(null));
        assertThrows(NullPointerException.class, () -> log.append(withNull));
        assertThrows(NullPointerException.class, () -> log.find(null));
        assertThrows(NullPointerException.class, () -> log.deleteBefore(null));
    }

    @Test
    void timesOutsideTheStoredRangeAreRefusedBeforeTheDatabase() {
        assertThrows(IllegalArgumentException.class, () -> log.append(List.of(entry("ok", T0),
                entry("far", Instant.parse("2300-01-01T00:00:00Z")))));
        assertThrows(IllegalArgumentException.class, () -> statistics.append(List.of(new StatEvent(Instant.MIN, "x", 1))));
        assertEquals(List.of(), log.find(ChatQuery.all(5)).entries(), "nothing of the refused batch");
        // The range's ends themselves are stored exactly.
        log.append(List.of(entry("first", EpochNanos.MIN), entry("last", EpochNanos.MAX)));
        List<ChatEntry> found = log.find(ChatQuery.all(5)).entries();
        assertEquals(EpochNanos.MIN, found.get(0).at());
        assertEquals(EpochNanos.MAX, found.get(1).at());
    }

    // ---- find

    @Test
    void findByUserMatchesSenderOrReceiverExactly() {
        log.append(List.of(
                im("alice", "bob", "a to b", T0),
                im("bob", "alice", "b to a", T0.plusSeconds(1)),
                im("carol", "dave", "c to d", T0.plusSeconds(2)),
                new ChatEntry(0, T0.plusSeconds(3), Kind.CONFERENCE, "conf", "alice", "", "", "text", "a in conf"),
                im("Alice", "carol", "other case", T0.plusSeconds(4))));
        assertEquals(List.of("a to b", "b to a", "a in conf"), texts(log.find(ChatQuery.all(10).byUser("alice"))));
        assertEquals(List.of("c to d"), texts(log.find(ChatQuery.all(10).byUser("dave"))));
        assertEquals(List.of("other case"), texts(log.find(ChatQuery.all(10).byUser("Alice"))), "IDs compare as stored");
        assertEquals(List.of(), texts(log.find(ChatQuery.all(10).byUser("nobody"))));
    }

    @Test
    void aMessageToOneselfIsFoundOnce() {
        log.append(List.of(im("alice", "alice", "note to self", T0)));
        assertEquals(List.of("note to self"), texts(log.find(ChatQuery.all(10).byUser("alice"))));
    }

    @Test
    void findByConversation() {
        log.append(List.of(
                conference("conf-1", "alice", "one", T0),
                conference("conf-2", "bob", "two", T0.plusSeconds(1)),
                conference("conf-1", "bob", "three", T0.plusSeconds(2))));
        assertEquals(List.of("one", "three"), texts(log.find(ChatQuery.all(10).byConversation("conf-1"))));
        assertEquals(List.of(), texts(log.find(ChatQuery.all(10).byConversation("conf-3"))));
    }

    @Test
    void findByTimeRangeIsFromInclusiveToExclusive() {
        log.append(List.of(entry("before", T0.minusNanos(1)), entry("start", T0), entry("middle", T0.plusSeconds(30)),
                entry("end", T0.plusSeconds(60)), entry("after", T0.plusSeconds(61))));
        assertEquals(List.of("start", "middle"),
                texts(log.find(ChatQuery.all(10).between(T0, T0.plusSeconds(60)))));
        assertEquals(List.of("start", "middle", "end", "after"), texts(log.find(ChatQuery.all(10).between(T0, null))));
        assertEquals(List.of("before"), texts(log.find(ChatQuery.all(10).between(null, T0))));
        assertEquals(5, log.find(ChatQuery.all(10).between(Instant.MIN, Instant.MAX)).entries().size(),
                "bounds beyond the stored range");
        assertEquals(List.of(), log.find(ChatQuery.all(10).between(Instant.MAX, null)).entries());
        assertEquals(List.of(), log.find(ChatQuery.all(10).between(null, Instant.MIN)).entries());
    }

    @Test
    void findByTextIgnoresCaseAlsoBeyondAscii() {
        log.append(List.of(entry("Meeting at NOON", T0), entry("lunch later", T0.plusSeconds(1)),
                entry("So ein ÄRGER mit Überstunden", T0.plusSeconds(2)), entry("ΣΟΦΊΑ", T0.plusSeconds(3))));
        assertEquals(List.of("Meeting at NOON"), texts(log.find(ChatQuery.all(10).containing("noon"))));
        assertEquals(List.of("Meeting at NOON"), texts(log.find(ChatQuery.all(10).containing("MEETING AT"))));
        assertEquals(List.of("So ein ÄRGER mit Überstunden"), texts(log.find(ChatQuery.all(10).containing("ärger"))));
        assertEquals(List.of("So ein ÄRGER mit Überstunden"), texts(log.find(ChatQuery.all(10).containing("ÜBER"))));
        assertEquals(List.of("ΣΟΦΊΑ"), texts(log.find(ChatQuery.all(10).containing("σοφ"))));
        assertEquals(4, log.find(ChatQuery.all(10).containing("")).entries().size(), "empty text matches all");
    }

    @Test
    void likeWildcardsInTheSearchedTextAreLiteral() {
        log.append(List.of(entry("100% sure", T0), entry("1000 sure", T0.plusSeconds(1)),
                entry("snake_case", T0.plusSeconds(2)), entry("snakeXcase", T0.plusSeconds(3)),
                entry("wow! really", T0.plusSeconds(4)), entry("back\\slash", T0.plusSeconds(5)),
                entry("it's quoted", T0.plusSeconds(6))));
        assertEquals(List.of("100% sure"), texts(log.find(ChatQuery.all(10).containing("0% s"))));
        assertEquals(List.of("snake_case"), texts(log.find(ChatQuery.all(10).containing("e_c"))));
        assertEquals(List.of("wow! really"), texts(log.find(ChatQuery.all(10).containing("w! r"))));
        assertEquals(List.of("back\\slash"), texts(log.find(ChatQuery.all(10).containing("k\\s"))));
        assertEquals(List.of("it's quoted"), texts(log.find(ChatQuery.all(10).containing("'s q"))));
        assertEquals(List.of("100% sure"), texts(log.find(ChatQuery.all(10).containing("%"))));
        assertEquals(List.of("snake_case"), texts(log.find(ChatQuery.all(10).containing("_"))));
    }

    @Test
    void allCriteriaMustMatch() {
        log.append(List.of(
                new ChatEntry(0, T0, Kind.CONFERENCE, "conf-1", "alice", "", "", "text", "budget draft"),
                new ChatEntry(0, T0.plusSeconds(10), Kind.CONFERENCE, "conf-1", "bob", "", "", "text", "budget final"),
                new ChatEntry(0, T0.plusSeconds(20), Kind.CONFERENCE, "conf-2", "alice", "", "", "text", "budget other"),
                new ChatEntry(0, T0.plusSeconds(30), Kind.CONFERENCE, "conf-1", "alice", "", "", "text", "lunch"),
                new ChatEntry(0, T0.plusSeconds(40), Kind.CONFERENCE, "conf-1", "alice", "", "", "text", "budget late")));
        ChatQuery query = ChatQuery.all(10).byUser("alice").byConversation("conf-1").containing("BUDGET")
                .between(T0, T0.plusSeconds(35));
        assertEquals(List.of("budget draft"), texts(log.find(query)));
    }

    @Test
    void pagesFollowEachOtherAndSayWhetherMoreFollow() {
        List<ChatEntry> entries = IntStream.range(0, 25).mapToObj(i -> entry("m" + i, T0.plusSeconds(i))).toList();
        log.append(entries);
        ChatQuery query = ChatQuery.all(10);
        List<String> seen = new ArrayList<>();
        List<Boolean> more = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ChatPage page = log.find(query);
            seen.addAll(texts(page));
            more.add(page.more());
            query = query.nextPage();
        }
        assertEquals(texts(entries), seen);
        assertEquals(List.of(true, true, false), more);

        ChatPage exact = log.find(ChatQuery.all(25));
        assertEquals(25, exact.entries().size());
        assertFalse(exact.more(), "a page that ends with the last entry has no more");
        ChatPage beyond = log.find(new ChatQuery(null, null, null, null, null, 100, 10));
        assertEquals(List.of(), beyond.entries());
        assertFalse(beyond.more());
        ChatPage huge = log.find(new ChatQuery(null, null, null, null, null, 24, Integer.MAX_VALUE));
        assertEquals(List.of("m24"), texts(huge));
        assertFalse(huge.more());
    }

    @Test
    void pagingAppliesAfterTheCriteria() {
        for (int i = 0; i < 6; i++) {
            log.append(List.of(im(i % 2 == 0 ? "alice" : "bob", "carol", "m" + i, T0.plusSeconds(i))));
        }
        ChatPage page = log.find(new ChatQuery("alice", null, null, null, null, 1, 1));
        assertEquals(List.of("m2"), texts(page));
        assertTrue(page.more());
    }

    // ---- text

    @Test
    void unicodeTextAndIdsComeBackExactly() {
        String text = "Grüße, 世界! 😀 👩‍👩‍👧 שלום مرحبا e\u0301 \t tab\nnew line \r\n crlf \u00a0nbsp";
        ChatEntry entry = new ChatEntry(0, T0, Kind.PLACE, "Ort: Bücherei 📚", "jürgen", "Jürgen Ünal",
                "", "text", text);
        log.append(List.of(entry));
        assertEquals(List.of(entry), withoutIds(log.find(ChatQuery.all(5)).entries()));
        assertEquals(List.of(text), texts(log.find(ChatQuery.all(5).byUser("jürgen").byConversation("Ort: Bücherei 📚"))));
        assertEquals(List.of(text), texts(log.find(ChatQuery.all(5).containing("世界! 😀"))));
        assertEquals(List.of(), log.find(ChatQuery.all(5).byUser("jurgen")).entries(), "not folded to ASCII");
    }

    @Test
    void sixtyFourKibibytesOfTextComeBackExactly() {
        String end = " Ende: ÄÖÜ.";
        StringBuilder body = new StringBuilder();
        while (body.length() < 64 * 1024) {
            body.append("Zeile ").append(body.length()).append(": äöü 日本 😀\n");
        }
        body.setLength(64 * 1024 - end.length());
        if (Character.isHighSurrogate(body.charAt(body.length() - 1))) {
            body.setCharAt(body.length() - 1, 'x'); // no half emoji where the cut fell
        }
        String text = body + end; // 64 Ki chars, some of them surrogate pairs
        assertEquals(64 * 1024, text.length());
        log.append(List.of(entry(text, T0), entry("small", T0.plusSeconds(1))));
        List<ChatEntry> found = log.find(ChatQuery.all(5)).entries();
        assertEquals(text, found.get(0).text());
        assertEquals(List.of(text), texts(log.find(ChatQuery.all(5).containing("ende: äöü"))), "searched to its end");
    }

    // ---- retention

    @Test
    void deleteBeforeRemovesOlderEntriesOnly() {
        log.append(List.of(entry("old", T0.minusSeconds(60)), entry("just before", T0.minusNanos(1)),
                entry("at the cutoff", T0), entry("new", T0.plusSeconds(60))));
        assertEquals(2, log.deleteBefore(T0));
        assertEquals(List.of("at the cutoff", "new"), texts(log.find(ChatQuery.all(10))));
        assertEquals(0, log.deleteBefore(T0));
        assertEquals(2, log.deleteBefore(Instant.MAX));
        assertEquals(List.of(), log.find(ChatQuery.all(10)).entries());
    }

    @Test
    void idsKeepAscendingAfterDeletion() {
        log.append(List.of(entry("a", T0), entry("b", T0)));
        long lastBefore = log.find(ChatQuery.all(5)).entries().get(1).id();
        log.deleteBefore(Instant.MAX);
        log.append(List.of(entry("c", T0)));
        assertTrue(log.find(ChatQuery.all(5)).entries().get(0).id() > lastBefore, "IDs are not reused");
    }

    // ---- statistics

    @Test
    void totalsPerHourSumEachKindPerUtcHour() {
        Instant h10 = T0; // 10:00
        Instant h11 = T0.plus(Duration.ofHours(1));
        Instant h13 = T0.plus(Duration.ofHours(3));
        statistics.append(List.of(
                new StatEvent(h10.plusSeconds(5), "login", 1),
                new StatEvent(h10.plusSeconds(3599), "login", 2),
                new StatEvent(h10.plusSeconds(60), "messages.0x1000", 40),
                new StatEvent(h11, "login", 1),
                new StatEvent(h11.plusSeconds(1800), "logout", 3),
                new StatEvent(h11.plusSeconds(1800), "login.failed", 1)));
        statistics.append(List.of(new StatEvent(h13.plusNanos(1), "login", 7), new StatEvent(h11.plusSeconds(1), "login", 4)));

        assertEquals(List.of(
                new StatTotal(h10, "login", 3),
                new StatTotal(h10, "messages.0x1000", 40),
                new StatTotal(h11, "login", 5),
                new StatTotal(h11, "login.failed", 1),
                new StatTotal(h11, "logout", 3),
                new StatTotal(h13, "login", 7)),
                statistics.totalsPerHour(h10, h13.plusSeconds(1)));
    }

    @Test
    void totalsCountOnlyEventsInsideFromTo() {
        statistics.append(List.of(new StatEvent(T0.minusNanos(1), "login", 100), new StatEvent(T0, "login", 1),
                new StatEvent(T0.plusSeconds(1799), "login", 2), new StatEvent(T0.plusSeconds(1800), "login", 50)));
        // [10:00, 10:30): the hour is cut, and only its events inside count.
        assertEquals(List.of(new StatTotal(T0, "login", 3)), statistics.totalsPerHour(T0, T0.plusSeconds(1800)));
        assertEquals(List.of(new StatTotal(T0.minus(Duration.ofHours(1)), "login", 100), new StatTotal(T0, "login", 53)),
                statistics.totalsPerHour(Instant.MIN, Instant.MAX));
        assertEquals(List.of(), statistics.totalsPerHour(T0.plusSeconds(3600), T0.plusSeconds(7200)));
        assertEquals(List.of(), statistics.totalsPerHour(T0.plusSeconds(1800), T0), "from after to");
    }

    @Test
    void kindsAreOrderedByCodePointWhateverTheCollation() {
        statistics.append(List.of(new StatEvent(T0, "b", 1), new StatEvent(T0, "a", 1), new StatEvent(T0, "B", 1),
                new StatEvent(T0, "ä", 1), new StatEvent(T0, "A", 1)));
        assertEquals(List.of("A", "B", "a", "b", "ä"),
                statistics.totalsPerHour(T0, T0.plusSeconds(1)).stream().map(StatTotal::kind).toList());
    }

    @Test
    void hoursBeforeTheEpochAreWholeUtcHoursToo() {
        Instant old = Instant.parse("1969-12-31T23:59:59.5Z");
        statistics.append(List.of(new StatEvent(old, "login", 2)));
        assertEquals(List.of(new StatTotal(Instant.parse("1969-12-31T23:00:00Z"), "login", 2)),
                statistics.totalsPerHour(Instant.MIN, Instant.MAX));
    }

    @Test
    void statisticsDeleteBeforeRemovesOlderEventsOnly() {
        statistics.append(List.of(new StatEvent(T0.minusSeconds(1), "login", 1), new StatEvent(T0, "login", 1),
                new StatEvent(T0.plusSeconds(1), "logout", 1)));
        assertEquals(1, statistics.deleteBefore(T0));
        assertEquals(List.of(new StatTotal(T0, "login", 1), new StatTotal(T0, "logout", 1)),
                statistics.totalsPerHour(Instant.MIN, Instant.MAX));
        assertEquals(0, log.deleteBefore(Instant.MAX), "the chat log is another table");
    }

    @Test
    void theChatLogAndTheStatisticsAreApart() {
        log.append(List.of(entry("chat", T0)));
        statistics.append(List.of(new StatEvent(T0, "login", 1)));
        assertEquals(1, statistics.deleteBefore(Instant.MAX));
        assertEquals(List.of("chat"), texts(log.find(ChatQuery.all(5))));
    }

    // ---- failures and lifecycle

    @Test
    void aBatchTheDatabaseRefusesIsAStorageExceptionAndStoresNothing() {
        log.append(List.of(entry("before", T0)));
        String tooLong = "c".repeat(ChatLogSchema.MAX_ID_LENGTH + 1);
        List<ChatEntry> batch = List.of(entry("fine", T0), new ChatEntry(0, T0, Kind.PLACE, tooLong, "alice", "", "",
                "text", "private words"));
        StorageException e = assertThrows(StorageException.class, () -> log.append(batch));
        assertTrue(e.getMessage().startsWith("append 2 chat log entries failed on " + database.describe() + ": "),
                e.getMessage());
        assertFalse(e.getMessage().contains("private words"), "the message text stays out of logs: " + e.getMessage());
        assertFalse(String.valueOf(e.getCause().getMessage()).contains("private words"), "also out of the cause");
        assertEquals(List.of("before"), texts(log.find(ChatQuery.all(10))), "all or nothing");

        StorageException stats = assertThrows(StorageException.class,
                () -> statistics.append(List.of(new StatEvent(T0, "ok", 1), new StatEvent(T0, tooLong, 1))));
        assertTrue(stats.getMessage().startsWith("append 2 statistics events failed on "), stats.getMessage());
        assertEquals(List.of(), statistics.totalsPerHour(Instant.MIN, Instant.MAX));
    }

    @Test
    void everythingSurvivesCloseAndReopen() {
        ChatEntry entry = im("alice", "bob", "kept", T0);
        log.append(List.of(entry));
        statistics.append(List.of(new StatEvent(T0, "login", 2)));
        database.close();
        reopen();
        reopen(); // CREATE ... IF NOT EXISTS and the version row must not trip
        assertEquals(List.of(entry), withoutIds(log.find(ChatQuery.all(5)).entries()));
        assertEquals(List.of(new StatTotal(T0, "login", 2)), statistics.totalsPerHour(T0, T0.plusSeconds(1)));
    }

    @Test
    void concurrentAppendsEachKeepTheirOrder() throws Exception {
        List<ChatEntry> a = IntStream.range(0, 50).mapToObj(i -> entry("a" + i, T0)).toList();
        List<ChatEntry> b = IntStream.range(0, 50).mapToObj(i -> entry("b" + i, T0)).toList();
        StorageContract.race(() -> {
            log.append(a);
            return true;
        }, () -> {
            log.append(b);
            return true;
        });
        List<ChatEntry> found = log.find(ChatQuery.all(200)).entries();
        assertEquals(100, found.size());
        assertAscending(ids(found));
        assertEquals(texts(a), texts(found).stream().filter(t -> t.startsWith("a")).toList());
        assertEquals(texts(b), texts(found).stream().filter(t -> t.startsWith("b")).toList());
    }

    @Test
    void describeNamesTheDatabaseWithoutParameters() {
        assertEquals(database.describe(), log.describe());
        assertFalse(log.describe().contains(";") || log.describe().contains("?"), log.describe());
    }

    // ---- helpers

    static ChatEntry entry(String text, Instant at) {
        return new ChatEntry(0, at, Kind.IM, "im-1", "alice", "Alice", "bob", "text", text);
    }

    static ChatEntry im(String from, String to, String text, Instant at) {
        return new ChatEntry(0, at, Kind.IM, "im-" + from + "-" + to, from, from.toUpperCase(), to, "text", text);
    }

    static ChatEntry conference(String conversation, String from, String text, Instant at) {
        return new ChatEntry(0, at, Kind.CONFERENCE, conversation, from, from, "", "text", text);
    }

    static List<ChatEntry> withoutIds(List<ChatEntry> entries) {
        return entries.stream().map(e -> e.withId(0)).toList();
    }

    static List<Long> ids(List<ChatEntry> entries) {
        return entries.stream().map(ChatEntry::id).toList();
    }

    static List<String> texts(ChatPage page) {
        return texts(page.entries());
    }

    static List<String> texts(List<ChatEntry> entries) {
        return entries.stream().map(ChatEntry::text).collect(Collectors.toList());
    }

    static long idOf(List<ChatEntry> entries, String text) {
        return entries.stream().filter(e -> e.text().equals(text)).findFirst().orElseThrow().id();
    }

    static void assertAscending(List<Long> ids) {
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i - 1) < ids.get(i), "IDs ascend: " + ids);
        }
    }
}
