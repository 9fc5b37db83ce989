package org.openst.bench.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.openst.client.ClientListener;
import org.openst.client.ClientOptions;
import org.openst.client.SametimeClient;
import org.openst.protocol.Admin;
import org.openst.protocol.ChannelSend;
import org.openst.protocol.Message;
import org.openst.protocol.MessageCodec;
import org.openst.protocol.im.ImCreateData;
import org.openst.protocol.im.ImPayload;

/**
 * A peer of the bare relay: a client of the library that never logs in, so that its connection is
 * read exactly as the hub's load is (the same I/O loop or reader threads, frame decoding and
 * message decoding). It does per message what the client library does on an open IM channel
 * without a cipher: the sender encodes an IM TEXT payload in a CHANNEL_SEND frame and writes the
 * frames of a batch with one write call; the receiver gets the decoded CHANNEL_SEND (which the
 * library drops after the listener saw it: no such channel), decodes the IM payload and hands the
 * text on.
 *
 * <p>The pairing handshake (the relay's only logic): the first frame of a connection is an ADMIN
 * message {@code PAIR <key>}; when two connections have sent the same key the relay links them and
 * sends each an ADMIN {@code PAIRED}; from then on every frame goes to the other.
 */
final class RawPeer implements ImEndpoint, AutoCloseable {
    static final String PAIR = "PAIR ";
    static final String PAIRED = "PAIRED";
    /** The channel ID in the relayed CHANNEL_SENDs; the relay does not look at it. */
    private static final int CHANNEL = 1;

    private final SametimeClient client;
    private final Listener listener;

    private RawPeer(SametimeClient client, Listener listener) {
        this.client = client;
        this.listener = listener;
    }

    /** What the peer's connection delivers. */
    private static final class Listener implements ClientListener {
        private final TextSink sink;
        private final Errors errors;
        final CompletableFuture<Void> paired = new CompletableFuture<>();
        volatile boolean closing;

        Listener(TextSink sink, Errors errors) {
            this.sink = sink;
            this.errors = errors;
        }

        @Override
        public void messageReceived(Message m) {
            if (m instanceof ChannelSend s && s.msgType() == ImCreateData.MSG_TYPE
                    && ImPayload.decode(s.data()) instanceof ImPayload.Text t) {
                sink.text(t.text());
            }
        }

        @Override
        public void adminMessage(String text) {
            if (text.equals(PAIRED)) {
                paired.complete(null);
            }
        }

        @Override
        public void disconnected(int reason) {
            if (!closing) {
                errors.add("relay peer: connection ended, reason 0x" + Integer.toHexString(reason));
            }
        }
    }

    /** Connects and sends the pairing frame; {@link #awaitPaired} waits for the partner. */
    static RawPeer connect(Target target, String key, TextSink sink, Errors errors) throws IOException {
        Listener listener = new Listener(sink, errors);
        SametimeClient client = target.connect(ClientOptions.builder().listener(listener)
                .readerThreads(ReaderThreads.factory()));
        RawPeer p = new RawPeer(client, listener);
        client.sendRaw(new Admin(PAIR + key));
        return p;
    }

    void awaitPaired(long millis) throws Exception {
        listener.paired.get(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void sendText(String text) throws IOException {
        client.sendRawBytes(frame(text));
    }

    /** As the client library's {@code ImConversation.sendTexts}: the frames with one write. */
    @Override
    public void sendTexts(List<String> texts) throws IOException {
        ByteArrayOutputStream frames = new ByteArrayOutputStream(texts.size() * 96);
        for (String t : texts) {
            frames.writeBytes(frame(t));
        }
        client.sendRawBytes(frames.toByteArray());
    }

    private static byte[] frame(String text) {
        return MessageCodec.encodeFrame(ChannelSend.plain(CHANNEL, ImCreateData.MSG_TYPE, new ImPayload.Text(text).encode()));
    }

    /** Marks the peer as ending, so that its partner's close seen first is no error. */
    void ending() {
        listener.closing = true;
    }

    @Override
    public void close() {
        listener.closing = true;
        client.close();
    }
}
