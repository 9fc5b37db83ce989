package org.openst.protocol.test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openst.protocol.FrameDecoder;
import org.openst.protocol.FrameError;
import org.openst.protocol.Frames;
import org.openst.protocol.Message;
import org.openst.protocol.MessageCodec;

/** The framing state machine (§2). */
class FrameDecoderTest {
    private static final int MAX = 1 << 20;

    /** All sample frames, with keepalives before the first, between frames and an empty frame. */
    private static byte[] stream(List<Message> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80);
        out.write(0xFF);
        for (Message m : messages) {
            out.writeBytes(MessageCodec.encodeFrame(m));
            out.write(Frames.KEEPALIVE);
            out.writeBytes(new byte[4]); // zero-length frame: ignored
        }
        return out.toByteArray();
    }

    private static void assertFrames(List<Message> expected, RecordingSink sink) {
        assertEquals(expected.size(), sink.frames.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), MessageCodec.decode(sink.frames.get(i)));
        }
        assertTrue(sink.errors.isEmpty());
    }

    @Test
    void wholeStreamAtOnce() {
        List<Message> msgs = Samples.all();
        FrameDecoder d = new FrameDecoder(MAX);
        RecordingSink sink = new RecordingSink();
        ByteBuffer in = ByteBuffer.wrap(stream(msgs));
        d.decode(in, sink);
        assertFalse(in.hasRemaining());
        assertFrames(msgs, sink);
        assertEquals(2 + msgs.size(), d.keepalivesSeen());
    }

    @Test
    void splitAtEveryByteBoundary() {
        List<Message> msgs = Samples.all().subList(0, 6);
        byte[] s = stream(msgs);
        for (int cut = 0; cut <= s.length; cut++) {
            FrameDecoder d = new FrameDecoder(MAX);
            RecordingSink sink = new RecordingSink();
            d.decode(ByteBuffer.wrap(s, 0, cut), sink);
            d.decode(ByteBuffer.wrap(s, cut, s.length - cut), sink);
            assertFrames(msgs, sink);
        }
    }

    @Test
    void oneByteAtATime() {
        List<Message> msgs = Samples.all();
        byte[] s = stream(msgs);
        FrameDecoder d = new FrameDecoder(MAX);
        RecordingSink sink = new RecordingSink();
        for (byte b : s) {
            d.decode(ByteBuffer.wrap(new byte[] {b}), sink);
        }
        assertFrames(msgs, sink);
    }

    @Test
    void highBytesInsideALengthAreNotKeepalives() {
        // Length 0x000080 = 128: the 0x80 is the third length byte, not a keepalive.
        byte[] body = new byte[128];
        body[0] = 0x55;
        FrameDecoder d = new FrameDecoder(MAX);
        RecordingSink sink = new RecordingSink();
        d.decode(ByteBuffer.wrap(Frames.frame(body)), sink);
        assertEquals(1, sink.frames.size());
        assertArrayEquals(body, sink.frames.get(0));
        assertEquals(0, d.keepalivesSeen());
    }

    @Test
    void frameOfExactlyMaxSizeIsAccepted() {
        FrameDecoder d = new FrameDecoder(100);
        RecordingSink sink = new RecordingSink();
        d.decode(ByteBuffer.wrap(Frames.frame(new byte[100])), sink);
        assertEquals(1, sink.frames.size());
        assertEquals(100, sink.frames.get(0).length);
    }

    @Test
    void maxPlusOneIsRefused() {
        FrameDecoder d = new FrameDecoder(100);
        RecordingSink sink = new RecordingSink();
        d.decode(ByteBuffer.wrap(Frames.frame(new byte[101])), sink);
        assertTrue(sink.frames.isEmpty());
        assertEquals(1, sink.errors.size());
        assertEquals(FrameError.Kind.FRAME_TOO_LARGE, sink.errors.get(0).kind());
    }

    @Test
    void hugeLengthIsRefusedBeforeAllocatingAndLaterInputIsDropped() {
        // If the decoder allocated 0x7FFFFFF0 bytes first, this would die with OutOfMemoryError.
        FrameDecoder d = new FrameDecoder(MAX);
        RecordingSink sink = new RecordingSink();
        ByteBuffer in = ByteBuffer.wrap(new byte[] {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0, 1, 2, 3});
        d.decode(in, sink);
        assertFalse(in.hasRemaining());
        assertEquals(1, sink.errors.size());
        assertTrue(sink.errors.get(0).detail().contains(String.valueOf(0x7FFFFFF0)));
        assertTrue(d.isFailed());

        d.decode(ByteBuffer.wrap(MessageCodec.encodeFrame(Samples.all().get(0))), sink);
        assertTrue(sink.frames.isEmpty());
        assertEquals(1, sink.errors.size());
    }

    @Test
    void maxFrameSizeMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new FrameDecoder(0));
        assertThrows(IllegalArgumentException.class, () -> new FrameDecoder(-1));
    }
}
