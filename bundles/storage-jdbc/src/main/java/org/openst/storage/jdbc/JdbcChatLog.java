package org.openst.storage.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.openst.storage.api.ChatEntry;
import org.openst.storage.api.ChatLogStore;
import org.openst.storage.api.ChatPage;
import org.openst.storage.api.ChatQuery;
import org.openst.storage.api.StorageException;

/**
 * The chat log on a {@link ChatLogDatabase}. Every method is one transaction, durable when it
 * returns; failures are {@link StorageException}s. Thread-safe.
 */
public class JdbcChatLog implements ChatLogStore {

    private final Database database;

    public JdbcChatLog(ChatLogDatabase database) {
        this.database = Objects.requireNonNull(database, "database").database;
    }

    /**
     * All entries in one transaction, or none.
     *
     * @throws IllegalArgumentException before the database, when an entry's time is outside
     *         [{@link EpochNanos#MIN}, {@link EpochNanos#MAX}]
     * @throws NullPointerException when the list or an entry is null
     */
    @Override
    public void append(List<ChatEntry> entries) {
        List<ChatEntry> copy = List.copyOf(entries); // the caller may change its list while we retry
        if (copy.isEmpty()) {
            return;
        }
        long[] atNanos = new long[copy.size()];
        for (int i = 0; i < atNanos.length; i++) {
            atNanos[i] = EpochNanos.of(copy.get(i).at());
        }
        database.run("append " + copy.size() + " chat log entr" + (copy.size() == 1 ? "y" : "ies"), c -> {
            ChatLogTable.append(c, copy, atNanos);
            return null;
        });
    }

    @Override
    public ChatPage find(ChatQuery query) {
        Objects.requireNonNull(query, "query");
        return database.run("find chat log entries " + describe(query), c -> ChatLogTable.find(c, query));
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return database.run("delete the chat log entries before " + cutoff, c -> ChatLogTable.deleteBefore(c, cutoff));
    }

    @Override
    public String describe() {
        return database.describe();
    }

    /** The query for messages; the searched text is left out (it may be private). */
    private static String describe(ChatQuery q) {
        StringBuilder s = new StringBuilder();
        if (q.userId() != null) {
            s.append("of user '").append(q.userId()).append("' ");
        }
        if (q.conversationId() != null) {
            s.append("in conversation '").append(q.conversationId()).append("' ");
        }
        if (q.from() != null) {
            s.append("from ").append(q.from()).append(' ');
        }
        if (q.to() != null) {
            s.append("before ").append(q.to()).append(' ');
        }
        if (q.textContains() != null) {
            s.append("containing a text ");
        }
        return s.append("(offset ").append(q.offset()).append(", limit ").append(q.limit()).append(')').toString();
    }
}
