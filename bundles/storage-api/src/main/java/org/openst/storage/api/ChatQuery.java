package org.openst.storage.api;

import java.time.Instant;

/**
 * What to find in the chat log. Every criterion that is set must match; results are ordered by
 * time (then ID), oldest first, and paged with {@code offset} and {@code limit}.
 *
 * @param userId         entries written or received by this user (sender or IM receiver); null = any
 * @param conversationId entries of this conversation; null = any
 * @param from           at or after this instant; null = no lower bound
 * @param to             before this instant; null = no upper bound
 * @param textContains   entries whose text contains this, ignoring case; null = any
 * @param offset         entries to skip (paging)
 * @param limit          most entries to return, at least 1
 * @since 1.1
 */
public record ChatQuery(String userId, String conversationId, Instant from, Instant to, String textContains,
        int offset, int limit) {

    public ChatQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
    }

    /** Everything, first page of {@code limit}. */
    public static ChatQuery all(int limit) {
        return new ChatQuery(null, null, null, null, null, 0, limit);
    }

    public ChatQuery byUser(String user) {
        return new ChatQuery(user, conversationId, from, to, textContains, offset, limit);
    }

    public ChatQuery byConversation(String conversation) {
        return new ChatQuery(userId, conversation, from, to, textContains, offset, limit);
    }

    public ChatQuery between(Instant fromInclusive, Instant toExclusive) {
        return new ChatQuery(userId, conversationId, fromInclusive, toExclusive, textContains, offset, limit);
    }

    public ChatQuery containing(String text) {
        return new ChatQuery(userId, conversationId, from, to, text, offset, limit);
    }

    /** The page after the one this query returns. */
    public ChatQuery nextPage() {
        return new ChatQuery(userId, conversationId, from, to, textContains, offset + limit, limit);
    }
}
