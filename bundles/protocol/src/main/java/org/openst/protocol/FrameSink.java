package org.openst.protocol;

/** Receives what a {@link FrameDecoder} splits out of a byte stream. */
public interface FrameSink {

    /**
     * A complete, non-empty frame body (header + payload), ready for {@link MessageCodec#decode}.
     *
     * @param body the body; owned by the sink
     */
    void frame(byte[] body);

    /**
     * The stream is unusable; called once, after which the decoder drops all input. The hub
     * answers FAT_MESSAGE (§7.3) and closes.
     *
     * @param error what went wrong
     */
    void failed(FrameError error);
}
