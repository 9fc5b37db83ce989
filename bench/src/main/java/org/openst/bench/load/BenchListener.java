package org.openst.bench.load;

import java.util.function.Consumer;

import org.openst.client.ClientListener;
import org.openst.client.ImConversation;
import org.openst.protocol.Message;
import org.openst.protocol.im.ImPayload;

/**
 * The listener of one benchmark client. Everything runs on the client's reader thread; the
 * hooks are set by the scenario that uses the client. An end of the session or of a conversation
 * that the scenario did not ask for is an error.
 */
final class BenchListener implements ClientListener {
    private final String user;
    private final Errors errors;
    volatile TextSink texts;
    volatile Consumer<ImConversation> opened;
    volatile Consumer<Message> raw;
    /** Set before the scenario ends a session itself; then its end is no error. */
    volatile boolean ending;
    /** Conversations whose close is expected (the peer is a churning user); null = none. */
    volatile java.util.function.Predicate<ImConversation> closeExpected;

    BenchListener(String user, Errors errors) {
        this.user = user;
        this.errors = errors;
    }

    @Override
    public void messageReceived(Message message) {
        Consumer<Message> r = raw;
        if (r != null) {
            r.accept(message);
        }
    }

    @Override
    public void conversationOpened(ImConversation conversation) {
        Consumer<ImConversation> o = opened;
        if (o != null) {
            o.accept(conversation);
        }
    }

    @Override
    public void imReceived(ImConversation conversation, ImPayload payload) {
        TextSink t = texts;
        if (t != null && payload instanceof ImPayload.Text text) {
            t.text(text.text());
        }
    }

    @Override
    public void conversationClosed(ImConversation conversation, int reason) {
        java.util.function.Predicate<ImConversation> expected = closeExpected;
        if (!ending && (expected == null || !expected.test(conversation))) {
            errors.add(user + ": conversation with " + conversation.peerUserId() + " closed by the other side, reason 0x"
                    + Integer.toHexString(reason));
        }
    }

    @Override
    public void disconnected(int reason) {
        if (!ending) {
            errors.add(user + ": disconnected, reason 0x" + Integer.toHexString(reason));
        }
    }
}
