package org.openst.storage.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.openst.client.ChannelMessage;
import org.openst.protocol.WireReader;
import org.openst.protocol.WireWriter;

/**
 * The client's side of the storage protocol (spec §6.6), written independently of the service's
 * codec and laid out as Meanwhile lays it out, so that the tests check the wire, not the codec
 * against itself.
 */
final class StorageWire {
    static final int LOAD = 0x0004;
    static final int LOADED = 0x0005;
    static final int SAVE = 0x0006;
    static final int SAVED = 0x0007;
    static final int STORAGE_CHANGED = 0x0008;

    /** One unit of a LOADED. */
    record LoadedUnit(long unitLen, long key, byte[] value) {
    }

    /** A parsed LOADED. */
    record Loaded(int requestId, int result, List<LoadedUnit> units) {
    }

    /** A parsed SAVED. */
    record Saved(int requestId, int result) {
    }

    private StorageWire() {
    }

    static byte[] load(int requestId, long... keys) {
        WireWriter w = new WireWriter().u32(requestId).u32(keys.length);
        for (long k : keys) {
            w.u32((int) k);
        }
        return w.toByteArray();
    }

    /** A SAVE of one unit exactly as Meanwhile writes it: unit_len = 20 + value length. */
    static byte[] save(int requestId, long key, byte[] value) {
        return new WireWriter().u32(requestId).u32(1).u32(20 + value.length).u32((int) key).opq(value).toByteArray();
    }

    /** A value as Meanwhile stores strings: a str. */
    static byte[] str(String text) {
        return new WireWriter().str(text).toByteArray();
    }

    static Loaded loaded(ChannelMessage m) {
        assertEquals(LOADED, m.msgType(), "message type of " + m);
        WireReader r = new WireReader(m.data());
        int id = r.u32();
        int result = r.u32();
        long count = r.u32L();
        List<LoadedUnit> units = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            units.add(new LoadedUnit(r.u32L(), r.u32L(), r.opq()));
        }
        assertEquals(0, r.remaining(), "bytes after the units of " + m);
        return new Loaded(id, result, units);
    }

    static Saved saved(ChannelMessage m) {
        assertEquals(SAVED, m.msgType(), "message type of " + m);
        WireReader r = new WireReader(m.data());
        Saved s = new Saved(r.u32(), r.u32());
        assertEquals(0, r.remaining(), "bytes after the result of " + m);
        return s;
    }
}
