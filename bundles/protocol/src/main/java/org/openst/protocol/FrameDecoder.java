package org.openst.protocol;

import java.nio.ByteBuffer;

/**
 * Splits one connection's byte stream into frame bodies (§2). An explicit state machine:
 * <ul>
 * <li>READ_LENGTH: collecting the 4 length bytes. A byte ≥ 0x80 where a length would start is a
 * keepalive (a legal length is &lt; 2^31) and is skipped and counted. A zero length is ignored,
 * as Meanwhile does. A length above the maximum is refused before anything is allocated.</li>
 * <li>READ_BODY: collecting the body; then the sink gets it and the state is reset.</li>
 * <li>FAILED: terminal; all later input is dropped.</li>
 * </ul>
 * One instance per connection; not thread-safe (a connection's reads are sequential).
 */
public final class FrameDecoder {
    private enum State { READ_LENGTH, READ_BODY, FAILED }

    private final int maxFrameSize;
    private State state = State.READ_LENGTH;
    private int length;
    private int lengthBytes;
    private byte[] body;
    private int bodyFilled;
    private long keepalives;

    /**
     * @param maxFrameSize largest accepted body length in bytes (§2 REC: 1 MiB)
     * @throws IllegalArgumentException if not positive
     */
    public FrameDecoder(int maxFrameSize) {
        if (maxFrameSize <= 0) {
            throw new IllegalArgumentException("maxFrameSize must be > 0, was " + maxFrameSize);
        }
        this.maxFrameSize = maxFrameSize;
    }

    /**
     * Consumes all of {@code in}, delivering every completed frame to {@code sink}.
     *
     * @param in received bytes; its position is advanced to its limit
     * @param sink receiver of frames and of the one failure
     */
    public void decode(ByteBuffer in, FrameSink sink) {
        while (in.hasRemaining()) {
            switch (state) {
                case READ_LENGTH:
                    readLengthByte(in.get(), sink);
                    break;
                case READ_BODY:
                    readBody(in, sink);
                    break;
                default:
                    in.position(in.limit()); // FAILED: drop everything.
                    return;
            }
        }
    }

    /** @return number of keepalive bytes skipped so far; the hub counts them as activity (§2) */
    public long keepalivesSeen() {
        return keepalives;
    }

    /** @return whether the decoder has failed and now drops all input */
    public boolean isFailed() {
        return state == State.FAILED;
    }

    private void readLengthByte(byte b, FrameSink sink) {
        if (lengthBytes == 0 && (b & 0x80) != 0) {
            keepalives++;
            return;
        }
        length = (length << 8) | (b & 0xFF);
        if (++lengthBytes < 4) {
            return;
        }
        int declared = length;
        length = 0;
        lengthBytes = 0;
        if (declared == 0) {
            return; // §2: an empty frame is ignored.
        }
        if (declared > maxFrameSize) {
            state = State.FAILED;
            sink.failed(new FrameError(FrameError.Kind.FRAME_TOO_LARGE,
                    "frame length " + declared + " exceeds maximum " + maxFrameSize));
            return;
        }
        body = new byte[declared];
        bodyFilled = 0;
        state = State.READ_BODY;
    }

    private void readBody(ByteBuffer in, FrameSink sink) {
        int n = Math.min(in.remaining(), body.length - bodyFilled);
        in.get(body, bodyFilled, n);
        bodyFilled += n;
        if (bodyFilled == body.length) {
            byte[] done = body;
            body = null;
            bodyFilled = 0;
            state = State.READ_LENGTH;
            sink.frame(done);
        }
    }
}
