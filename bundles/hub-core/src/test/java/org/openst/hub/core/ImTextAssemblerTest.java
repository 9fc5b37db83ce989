package org.openst.hub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.openst.protocol.WireWriter;
import org.openst.protocol.im.ImPayload;

/** What observers are shown of one direction of an IM channel (spec §6.1.2). */
class ImTextAssemblerTest {
    private final ImTextAssembler assembler = new ImTextAssembler(100);

    @Test
    void singleMessagesAreTextsAndNoticesAreNot() throws Exception {
        assertEquals(new ImTextAssembler.Text("text", "hi"), assembler.accept(new ImPayload.Text("hi").encode()));
        assertEquals(new ImTextAssembler.Text("html", "<b>x</b>"), assembler.accept(ImPayload.Data.html("<b>x</b>").encode()));
        assertEquals(new ImTextAssembler.Text("subject", "s"), assembler.accept(ImPayload.Data.subject("s").encode()));
        assertEquals(new ImTextAssembler.Text("mime", "m"), assembler.accept(data(ImPayload.DATA_MIME, "m".getBytes(StandardCharsets.UTF_8))));
        assertNull(assembler.accept(new ImPayload.Typing(true).encode()));
        assertNull(assembler.accept(data(ImPayload.DATA_TIMESTAMP, "2026:01:01:00:00:00".getBytes(StandardCharsets.UTF_8))));
        assertNull(assembler.accept(new byte[] {0, 0, 0, 2, 0}), "malformed: forwarded, not observed");
        assertNull(assembler.accept(new byte[] {0, 0, 0, 9}), "unknown kind");
    }

    @Test
    void textSegmentsSplitInsideAUtf8SequenceAreJoinedAsBytes() throws Exception {
        byte[] whole = "aü日本".getBytes(StandardCharsets.UTF_8);
        assertNull(assembler.accept(data(ImPayload.DATA_MULTI_START, new byte[0])));
        // TEXT pieces carry raw str bytes: cut after "a" and the first byte of "ü".
        assertNull(assembler.accept(textBytes(Arrays.copyOfRange(whole, 0, 2))));
        assertNull(assembler.accept(textBytes(Arrays.copyOfRange(whole, 2, 5))));
        assertNull(assembler.accept(textBytes(Arrays.copyOfRange(whole, 5, whole.length))));
        assertEquals(new ImTextAssembler.Text("text", "aü日本"), assembler.accept(data(ImPayload.DATA_MULTI_STOP, new byte[0])));
    }

    @Test
    void anOversizedSegmentedMessageIsDroppedAndTheNextOneIsSeen() throws Exception {
        assembler.accept(data(ImPayload.DATA_MULTI_START, new byte[0]));
        assembler.accept(data(ImPayload.DATA_HTML, new byte[60]));
        assertThrows(ImTextAssembler.SegmentOverflow.class, () -> assembler.accept(data(ImPayload.DATA_HTML, new byte[60])));
        assertNull(assembler.accept(data(ImPayload.DATA_HTML, new byte[60])), "the rest of it is skipped quietly");
        assertNull(assembler.accept(data(ImPayload.DATA_MULTI_STOP, new byte[0])));
        assertEquals("after", assembler.accept(new ImPayload.Text("after").encode()).text());
        assertNull(assembler.accept(data(ImPayload.DATA_MULTI_STOP, new byte[0])), "STOP without START");
    }

    private static byte[] data(int type, byte[] bytes) {
        return new ImPayload.Data(type, 0, bytes).encode();
    }

    private static byte[] textBytes(byte[] str) {
        return new WireWriter().u32(ImPayload.KIND_TEXT).strBytes(str).toByteArray();
    }
}
