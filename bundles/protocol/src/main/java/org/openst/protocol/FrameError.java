package org.openst.protocol;

/**
 * Why a {@link FrameDecoder} gave up on a stream.
 *
 * @param kind the category
 * @param detail human-readable detail, e.g. the declared length and the limit
 */
public record FrameError(Kind kind, String detail) {

    /** Error categories. */
    public enum Kind {
        /** A declared frame length exceeds the configured maximum (§2 REC: 1 MiB). */
        FRAME_TOO_LARGE
    }
}
