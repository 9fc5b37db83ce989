package org.openst.protocol.im;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.openst.protocol.Hex;
import org.openst.protocol.ProtocolException;
import org.openst.protocol.WireReader;
import org.openst.protocol.WireWriter;

/**
 * An IM message: the data of a CHANNEL_SEND with msg_type {@link ImCreateData#MSG_TYPE}
 * (§6.1.2), after decryption. {@code u32 kind}; TEXT continues with {@code str text}; DATA
 * with {@code u32 data_type, u32 subtype, opq data}.
 */
public sealed interface ImPayload permits ImPayload.Text, ImPayload.Typing, ImPayload.Data {
    /** §6.1.2 kind TEXT. */
    int KIND_TEXT = 0x00000001;
    /** §6.1.2 kind DATA. */
    int KIND_DATA = 0x00000002;
    /** §6.1.2 data type TYPING (subtype 0 = typing, non-zero = stopped). */
    int DATA_TYPING = 0x00000001;
    /** §6.1.2 data type SUBJECT (NotesBuddy). */
    int DATA_SUBJECT = 0x00000003;
    /** §6.1.2 data type HTML (NotesBuddy; Pidgin's normal message form). */
    int DATA_HTML = 0x00000004;
    /** §6.1.2 data type MIME (NotesBuddy; messages with images). */
    int DATA_MIME = 0x00000005;
    /** §6.1.2 data type TIMESTAMP (NotesBuddy). */
    int DATA_TIMESTAMP = 0x00000006;
    /** §6.1.2 data type INVITE (place invitation on PRECONF channels). */
    int DATA_INVITE = 0x0000000A;
    /** §6.1.2 begins a segmented message. */
    int DATA_MULTI_START = 0x00001388;
    /** §6.1.2 ends a segmented message. */
    int DATA_MULTI_STOP = 0x00001389;

    /** @return the wire form */
    byte[] encode();

    /**
     * @param data the (decrypted) CHANNEL_SEND data
     * @return TYPING data becomes {@link Typing}, other DATA {@link Data}, TEXT {@link Text}
     * @throws ProtocolException if truncated or of unknown kind
     */
    static ImPayload decode(byte[] data) {
        WireReader r = new WireReader(data);
        int kind = r.u32();
        if (kind == KIND_TEXT) {
            return new Text(r.str());
        }
        if (kind != KIND_DATA) {
            throw new ProtocolException(String.format("unknown IM message kind 0x%08X", kind));
        }
        int dataType = r.u32();
        int subtype = r.u32();
        byte[] bytes = r.opq();
        if (dataType == DATA_TYPING) {
            return new Typing(subtype == 0);
        }
        return new Data(dataType, subtype, bytes);
    }

    /**
     * Plain text (§6.1.2 TEXT). Null becomes "".
     *
     * @param text the message
     */
    record Text(String text) implements ImPayload {
        /** Normalises null. */
        public Text {
            text = text == null ? "" : text;
        }

        @Override
        public byte[] encode() {
            return new WireWriter().u32(KIND_TEXT).str(text).toByteArray();
        }
    }

    /**
     * Typing notification (§6.1.2 DATA TYPING): subtype 0 = typing, 1 = stopped.
     *
     * @param typing whether the user is typing
     */
    record Typing(boolean typing) implements ImPayload {
        @Override
        public byte[] encode() {
            return new WireWriter().u32(KIND_DATA).u32(DATA_TYPING).u32(typing ? 0 : 1).opq(null)
                    .toByteArray();
        }
    }

    /**
     * Any other DATA message (§6.1.2): HTML, SUBJECT, MIME, TIMESTAMP, INVITE, MULTI_START/STOP.
     * data is not copied; null becomes empty.
     *
     * @param dataType data type constant
     * @param subtype subtype (0 for all known text types)
     * @param data the bytes
     */
    record Data(int dataType, int subtype, byte[] data) implements ImPayload {
        /** Normalises null. */
        public Data {
            data = data == null ? new byte[0] : data;
        }

        /**
         * @param html HTML text
         * @return an HTML data message
         */
        public static Data html(String html) {
            return new Data(DATA_HTML, 0, html.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * @param subject subject text
         * @return a SUBJECT data message
         */
        public static Data subject(String subject) {
            return new Data(DATA_SUBJECT, 0, subject.getBytes(StandardCharsets.UTF_8));
        }

        /** @return the data as UTF-8 text (HTML, SUBJECT, MIME, TIMESTAMP) */
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }

        @Override
        public byte[] encode() {
            return new WireWriter().u32(KIND_DATA).u32(dataType).u32(subtype).opq(data).toByteArray();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Data d && d.dataType == dataType && d.subtype == subtype
                    && Arrays.equals(d.data, data);
        }

        @Override
        public int hashCode() {
            return (dataType * 31 + subtype) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Data[dataType=0x" + Integer.toHexString(dataType) + ", subtype=" + subtype
                    + ", data=" + Hex.brief(data) + "]";
        }
    }
}
