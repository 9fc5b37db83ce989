package org.openst.hub.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.openst.protocol.ProtocolException;
import org.openst.protocol.WireReader;
import org.openst.protocol.im.ImPayload;

/**
 * Turns one direction of one IM channel into the texts an observer sees (spec §6.1.2): TEXT,
 * and the HTML, MIME and SUBJECT data messages; typing notices, timestamps and invitations are
 * no texts. A segmented message (MULTI_START, pieces, MULTI_STOP) becomes one text at its STOP:
 * the pieces are concatenated as bytes and decoded once, since Meanwhile cuts them every 2048
 * bytes, possibly inside a UTF-8 sequence. Not thread-safe: one direction is fed in order.
 */
final class ImTextAssembler {

    /** A complete text: format "text", "html", "mime" or "subject", and the text itself. */
    record Text(String format, String text) {
    }

    private final int maxSegmentedBytes;
    private ByteArrayOutputStream segments;
    private int segmentType;
    private boolean overflowed;

    /** @param maxSegmentedBytes the most a segmented message may hold before it goes unobserved */
    ImTextAssembler(int maxSegmentedBytes) {
        this.maxSegmentedBytes = maxSegmentedBytes;
    }

    /**
     * Feeds one decrypted IM message (msg_type 0x0064).
     *
     * @return the text it completes, or null (no text, a piece, or a malformed message)
     * @throws SegmentOverflow when a segmented message outgrew the limit; it is then dropped
     */
    Text accept(byte[] plain) throws SegmentOverflow {
        if (plain.length < 4) {
            return null;
        }
        int kind = new WireReader(plain, 0, 4).u32();
        try {
            if (kind == ImPayload.KIND_TEXT) {
                byte[] text = new WireReader(plain, 4, plain.length - 4).strBytes();
                return segments != null || overflowed ? append(text, 0) : text("text", text);
            }
            if (!(ImPayload.decode(plain) instanceof ImPayload.Data d)) {
                return null; // typing
            }
            switch (d.dataType()) {
                case ImPayload.DATA_MULTI_START -> {
                    segments = new ByteArrayOutputStream();
                    segmentType = 0;
                    overflowed = false;
                    return null;
                }
                case ImPayload.DATA_MULTI_STOP -> {
                    return stop();
                }
                case ImPayload.DATA_HTML, ImPayload.DATA_MIME -> {
                    return segments != null || overflowed ? append(d.data(), d.dataType()) : text(format(d.dataType()), d.data());
                }
                case ImPayload.DATA_SUBJECT -> {
                    return text("subject", d.data());
                }
                default -> {
                    return null;
                }
            }
        } catch (ProtocolException e) {
            return null; // not ours to judge: the receiver gets it unchanged and decides
        }
    }

    private Text append(byte[] piece, int dataType) throws SegmentOverflow {
        if (overflowed) {
            return null;
        }
        if (segments.size() + piece.length > maxSegmentedBytes) {
            segments = null;
            overflowed = true;
            throw new SegmentOverflow(maxSegmentedBytes);
        }
        segments.writeBytes(piece);
        if (dataType != 0) {
            segmentType = dataType; // as Meanwhile: the pieces' data type names the whole
        }
        return null;
    }

    private Text stop() {
        ByteArrayOutputStream whole = segments;
        segments = null;
        overflowed = false;
        if (whole == null) {
            return null; // STOP without START, or after an overflow
        }
        return text(segmentType == 0 ? "text" : format(segmentType), whole.toByteArray());
    }

    private static String format(int dataType) {
        return dataType == ImPayload.DATA_MIME ? "mime" : "html";
    }

    private static Text text(String format, byte[] utf8) {
        return new Text(format, new String(utf8, StandardCharsets.UTF_8));
    }

    /** A segmented message grew beyond the limit: observers miss it, the receiver does not. */
    static final class SegmentOverflow extends Exception {
        private static final long serialVersionUID = 1L;

        SegmentOverflow(int limit) {
            super("segmented message larger than " + limit + " bytes", null, false, false);
        }
    }
}
