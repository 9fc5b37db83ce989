package org.openst.storage.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openst.protocol.ProtocolException;
import org.openst.protocol.WireWriter;
import org.openst.storage.service.StorageMessages.Unit;

/** The storage codec, one test per rule (spec §6.6). */
class StorageMessagesTest {
    private static final byte[] VALUE = {0, 3, 'a', 'b', 'c'};

    @Test
    void loadAsMeanwhileWritesIt() {
        StorageMessages.LoadRequest r = StorageMessages.parseLoad(new WireWriter().u32(7).u32(1).u32(0).toByteArray());
        assertEquals(7, r.requestId());
        assertEquals(List.of(0L), r.keys());
    }

    @Test
    void loadKeysAreUnsigned() {
        StorageMessages.LoadRequest r = StorageMessages.parseLoad(new WireWriter().u32(1).u32(1).u32(0xFFFFFFFF).toByteArray());
        assertEquals(List.of(0xFFFFFFFFL), r.keys());
    }

    @Test
    void truncatedLoadIsRefused() {
        assertThrows(ProtocolException.class, () -> StorageMessages.parseLoad(new byte[] {0, 0, 0, 1, 0}));
    }

    @Test
    void loadCountMustMatchItsKeys() {
        assertThrows(ProtocolException.class,
                () -> StorageMessages.parseLoad(new WireWriter().u32(1).u32(2).u32(0).toByteArray()));
        assertThrows(ProtocolException.class,
                () -> StorageMessages.parseLoad(new WireWriter().u32(1).u32(1).u32(0).u32(0).toByteArray()));
        assertThrows(ProtocolException.class,
                () -> StorageMessages.parseLoad(new WireWriter().u32(1).u32(0xFFFFFFFF).toByteArray()));
    }

    @Test
    void saveAsMeanwhileWritesIt() {
        byte[] data = new WireWriter().u32(3).u32(1).u32(20 + VALUE.length).u32(0).opq(VALUE).toByteArray();
        StorageMessages.SaveRequest r = StorageMessages.parseSave(data);
        assertEquals(3, r.requestId());
        assertEquals(List.of(new Unit(0, VALUE)), r.units());
    }

    @Test
    void saveOfTwoUnitsUsesEndOffsets() {
        byte[] data = new WireWriter().u32(3).u32(2).u32(20 + VALUE.length).u32(6).opq(VALUE)
                .u32(20 + VALUE.length + 12 + 1).u32(7).opq(new byte[] {9}).toByteArray();
        assertEquals(List.of(new Unit(6, VALUE), new Unit(7, new byte[] {9})), StorageMessages.parseSave(data).units());
    }

    @Test
    void saveWithAnotherUnitLengthIsRefused() {
        byte[] data = new WireWriter().u32(3).u32(1).u32(12 + VALUE.length).u32(0).opq(VALUE).toByteArray();
        assertThrows(ProtocolException.class, () -> StorageMessages.parseSave(data));
    }

    @Test
    void saveCountMustMatchItsUnits() {
        byte[] one = new WireWriter().u32(3).u32(2).u32(20 + VALUE.length).u32(0).opq(VALUE).toByteArray();
        assertThrows(ProtocolException.class, () -> StorageMessages.parseSave(one));
        byte[] trailing = new WireWriter().u32(3).u32(1).u32(20 + VALUE.length).u32(0).opq(VALUE).u8(0).toByteArray();
        assertThrows(ProtocolException.class, () -> StorageMessages.parseSave(trailing));
        byte[] huge = new WireWriter().u32(3).u32(0x7FFFFFFF).toByteArray();
        assertThrows(ProtocolException.class, () -> StorageMessages.parseSave(huge));
    }

    @Test
    void saveWhoseValueRunsPastTheEndIsRefused() {
        byte[] data = new WireWriter().u32(3).u32(1).u32(20 + 50).u32(0).u32(50).raw(VALUE).toByteArray();
        assertThrows(ProtocolException.class, () -> StorageMessages.parseSave(data));
    }

    @Test
    void loadedWritesEndOffsetsAsUnitLengths() {
        byte[] out = StorageMessages.loaded(4, 0, List.of(new Unit(6, VALUE), new Unit(0x64, new byte[] {1, 2})));
        byte[] expected = new WireWriter().u32(4).u32(0).u32(2)
                .u32(24 + VALUE.length).u32(6).opq(VALUE)
                .u32(24 + VALUE.length + 12 + 2).u32(0x64).opq(new byte[] {1, 2}).toByteArray();
        assertArrayEquals(expected, out);
    }

    @Test
    void loadedWithoutUnitsIsTwelveBytes() {
        assertArrayEquals(new WireWriter().u32(4).u32(0x80000005).u32(0).toByteArray(),
                StorageMessages.loaded(4, 0x80000005, List.of()));
    }

    @Test
    void savedAndStorageChanged() {
        assertArrayEquals(new WireWriter().u32(9).u32(0).toByteArray(), StorageMessages.saved(9, 0));
        assertArrayEquals(new WireWriter().u32(0).u32(2).u32(0).u32(0x50).toByteArray(),
                StorageMessages.storageChanged(List.of(0L, 0x50L)));
    }
}
