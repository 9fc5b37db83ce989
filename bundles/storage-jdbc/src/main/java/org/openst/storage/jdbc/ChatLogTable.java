package org.openst.storage.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.openst.storage.api.ChatEntry;
import org.openst.storage.api.ChatPage;
import org.openst.storage.api.ChatQuery;

/** The SQL of the chat log: one row per message, IDs from the table's identity column. */
final class ChatLogTable {

    private static final String T = ChatLogSchema.CHAT_TABLE;

    /** Rows sent to the database per JDBC batch; a longer list is sent in several, in one transaction. */
    static final int BATCH_SIZE = 500;

    /** The LIKE escape character: neither backslash (whose meaning in literals differs) nor a wildcard. */
    private static final char LIKE_ESCAPE = '!';

    private static final String COLUMNS = "at_nanos, kind, conversation_id, from_user_id, from_name, to_user_id, "
            + "message_format, message_text";

    private ChatLogTable() {
    }

    /**
     * Inserts in list order, so the identity column gives ascending IDs in that order (a JDBC
     * batch runs its statements in order). The entries' own IDs are ignored.
     */
    static void append(Connection c, List<ChatEntry> entries, long[] atNanos) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + T + " (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (int i = 0; i < entries.size(); i++) {
                ChatEntry e = entries.get(i);
                insert.setLong(1, atNanos[i]);
                insert.setString(2, e.kind().name());
                insert.setString(3, e.conversationId());
                insert.setString(4, e.fromUserId());
                insert.setString(5, e.fromName());
                insert.setString(6, e.toUserId());
                insert.setString(7, e.format());
                insert.setString(8, e.text());
                insert.addBatch();
                if (++pending == BATCH_SIZE) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    /**
     * Every criterion of the query ANDed; ordered by time, then ID; one row more than the page
     * holds tells whether more follow. {@code OFFSET ... ROWS FETCH NEXT ... ROWS ONLY} is the SQL
     * standard's paging, which H2 and PostgreSQL both take (LIMIT is not standard).
     */
    static ChatPage find(Connection c, ChatQuery q) throws SQLException {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (q.userId() != null) {
            // User IDs compare exactly as stored: the hub logs the IDs the directory gave it.
            conditions.add("(from_user_id = ? OR to_user_id = ?)");
            parameters.add(q.userId());
            parameters.add(q.userId());
        }
        if (q.conversationId() != null) {
            conditions.add("conversation_id = ?");
            parameters.add(q.conversationId());
        }
        if (q.from() != null) {
            conditions.add("at_nanos >= ?");
            parameters.add(EpochNanos.bound(q.from()));
        }
        if (q.to() != null) {
            conditions.add("at_nanos < ?");
            parameters.add(EpochNanos.bound(q.to()));
        }
        if (q.textContains() != null) {
            // LOWER on both sides, so the database folds the text and the pattern the same way.
            conditions.add("LOWER(message_text) LIKE LOWER(?) ESCAPE '" + LIKE_ESCAPE + "'");
            parameters.add("%" + escapeLike(q.textContains()) + "%");
        }
        parameters.add((long) q.offset());
        parameters.add(q.limit() + 1L);
        String sql = "SELECT id, " + COLUMNS + " FROM " + T
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY at_nanos, id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        List<ChatEntry> entries = new ArrayList<>();
        boolean more = false;
        try (PreparedStatement select = Sql.prepare(c, sql, parameters.toArray());
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                if (entries.size() == q.limit()) {
                    more = true;
                    break;
                }
                entries.add(entry(rows));
            }
        }
        return new ChatPage(entries, more);
    }

    static int deleteBefore(Connection c, Instant cutoff) throws SQLException {
        return Sql.update(c, "DELETE FROM " + T + " WHERE at_nanos < ?", EpochNanos.bound(cutoff));
    }

    /** Makes every character of {@code text} match itself in a LIKE pattern. */
    static String escapeLike(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '%' || ch == '_' || ch == LIKE_ESCAPE) {
                escaped.append(LIKE_ESCAPE);
            }
            escaped.append(ch);
        }
        return escaped.toString();
    }

    private static ChatEntry entry(ResultSet row) throws SQLException {
        return new ChatEntry(row.getLong("id"), EpochNanos.toInstant(row.getLong("at_nanos")),
                ChatEntry.Kind.valueOf(row.getString("kind")), row.getString("conversation_id"),
                row.getString("from_user_id"), row.getString("from_name"), row.getString("to_user_id"),
                row.getString("message_format"), row.getString("message_text"));
    }
}
