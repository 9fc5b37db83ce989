package org.openst.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.openst.protocol.ChannelSend;
import org.openst.protocol.FrameDecoder;
import org.openst.protocol.FrameError;
import org.openst.protocol.FrameSink;
import org.openst.protocol.Frames;
import org.openst.protocol.Message;
import org.openst.protocol.MessageCodec;
import org.openst.protocol.im.ImCreateData;
import org.openst.protocol.im.ImPayload;

/**
 * A peer of the bare relay. It does per message what the client library does on an open IM
 * channel without a cipher: the sender encodes an IM TEXT payload in a CHANNEL_SEND frame and
 * writes it with one write call; a reader thread per connection splits frames with the protocol's
 * {@link FrameDecoder}, decodes the message and the IM payload and hands the text on.
 *
 * <p>The pairing handshake (the relay's only logic): the first frame of a connection is
 * {@code PAIR <key>} in UTF-8; when two connections have sent the same key the relay links them
 * and sends each a frame {@code PAIRED}; from then on every frame goes to the other.
 */
final class RawPeer implements ImEndpoint, AutoCloseable {
    static final String PAIR = "PAIR ";
    static final String PAIRED = "PAIRED";
    /** The channel ID in the relayed CHANNEL_SENDs; the relay does not look at it. */
    private static final int CHANNEL = 1;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final TextSink sink;
    private final Errors errors;
    private final CompletableFuture<Void> paired = new CompletableFuture<>();
    private volatile boolean closing;

    private RawPeer(Socket socket, TextSink sink, Errors errors) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
        this.sink = sink;
        this.errors = errors;
    }

    /** Connects and sends the pairing frame; {@link #awaitPaired} waits for the partner. */
    static RawPeer connect(Target target, String key, TextSink sink, Errors errors) throws IOException {
        RawPeer p = new RawPeer(target.socket(), sink, errors);
        // The same reader threads as the client library's connections get in this process.
        Thread reader;
        if (ReaderThreads.factory() != null) {
            reader = ReaderThreads.factory().newThread(p::readLoop);
        } else {
            reader = new Thread(p::readLoop);
            reader.setDaemon(true);
        }
        reader.setName("raw-peer-reader " + key);
        reader.start();
        p.write(Frames.frame((PAIR + key).getBytes(StandardCharsets.UTF_8)));
        return p;
    }

    void awaitPaired(long millis) throws Exception {
        paired.get(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void sendText(String text) throws IOException {
        write(frame(text));
    }

    /** As the client library's {@code ImConversation.sendTexts}: the frames with one write. */
    @Override
    public void sendTexts(java.util.List<String> texts) throws IOException {
        java.io.ByteArrayOutputStream frames = new java.io.ByteArrayOutputStream(texts.size() * 96);
        for (String t : texts) {
            frames.writeBytes(frame(t));
        }
        write(frames.toByteArray());
    }

    private static byte[] frame(String text) {
        return MessageCodec.encodeFrame(ChannelSend.plain(CHANNEL, ImCreateData.MSG_TYPE, new ImPayload.Text(text).encode()));
    }

    private void write(byte[] frame) throws IOException {
        synchronized (out) {
            out.write(frame);
            out.flush();
        }
    }

    /** Marks the peer as ending, so that its partner's close seen first is no error. */
    void ending() {
        closing = true;
    }

    @Override
    public void close() {
        closing = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void readLoop() {
        byte[] buf = new byte[16 * 1024]; // as the client library's reader
        FrameDecoder decoder = new FrameDecoder(1 << 20);
        FrameSink frames = new FrameSink() {
            @Override
            public void frame(byte[] body) {
                if (!paired.isDone()) {
                    if (new String(body, StandardCharsets.UTF_8).equals(PAIRED)) {
                        paired.complete(null);
                    }
                    return;
                }
                Message m = MessageCodec.decode(body);
                if (m instanceof ChannelSend s && s.msgType() == ImCreateData.MSG_TYPE
                        && ImPayload.decode(s.data()) instanceof ImPayload.Text t) {
                    sink.text(t.text());
                }
            }

            @Override
            public void failed(FrameError error) {
                errors.add("relay peer: bad frame: " + error.detail());
            }
        };
        try {
            while (true) {
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                decoder.decode(ByteBuffer.wrap(buf, 0, n), frames);
            }
            if (!closing) {
                errors.add("relay peer: connection closed by the relay");
            }
        } catch (IOException | RuntimeException e) {
            if (!closing) {
                errors.add("relay peer: connection failed", e);
            }
        }
    }
}
