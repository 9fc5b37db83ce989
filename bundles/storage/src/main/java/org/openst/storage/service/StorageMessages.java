package org.openst.storage.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.openst.protocol.ProtocolException;
import org.openst.protocol.WireReader;
import org.openst.protocol.WireWriter;

/**
 * The messages of the storage service (protocol spec §6.6, proto type {@code 0x25}): parsing of
 * LOAD and SAVE, encoding of LOADED, SAVED and the server's STORAGE_CHANGED notice. Parsing is
 * strict: anything Meanwhile would not have written is a {@link ProtocolException}.
 */
final class StorageMessages {
    /** C→S: u32 request_id, u32 count, count × u32 key. */
    static final int LOAD = 0x0004;
    /** S→C: u32 request_id, u32 result, u32 count, per unit: u32 unit_len, u32 key, opq value. */
    static final int LOADED = 0x0005;
    /** C→S: u32 request_id, u32 count, per unit: u32 unit_len, u32 key, opq value. */
    static final int SAVE = 0x0006;
    /** S→C: u32 request_id, u32 result. */
    static final int SAVED = 0x0007;
    /**
     * S→C, unsolicited (the seed's STORAGE_EVENT_OTM; our choice, the spec has no such message):
     * u32 0, u32 count, count × u32 key. Meanwhile looks up the request named by the first u32,
     * finds none with ID 0 (its IDs start at 1) and ignores the message.
     */
    static final int STORAGE_CHANGED = 0x0008;

    /** The bytes of a unit besides its value: unit_len, key and the opq length. */
    private static final int UNIT_OVERHEAD = 12;

    /** One keyed value. */
    record Unit(long key, byte[] value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Unit u && u.key == key && Arrays.equals(u.value, value);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(key) * 31 + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Unit[key=0x" + Long.toHexString(key) + ", " + value.length + " bytes]";
        }
    }

    /** A LOAD: the keys to load, in request order. */
    record LoadRequest(int requestId, List<Long> keys) {
    }

    /** A SAVE: the units to store, in request order. */
    record SaveRequest(int requestId, List<Unit> units) {
    }

    private StorageMessages() {
    }

    /** @throws ProtocolException if truncated or the key count does not match the payload */
    static LoadRequest parseLoad(byte[] data) {
        WireReader r = new WireReader(data);
        int requestId = r.u32();
        long count = r.u32L();
        if (count * 4 != r.remaining()) {
            throw new ProtocolException("LOAD count " + count + " does not match the " + r.remaining()
                    + " bytes of keys");
        }
        List<Long> keys = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            keys.add(r.u32L());
        }
        return new LoadRequest(requestId, keys);
    }

    /**
     * @throws ProtocolException if truncated, if the unit count does not match the payload, or if a
     *     unit's unit_len is not the offset of the unit's end from the start of the payload (what
     *     Meanwhile writes, spec §6.6)
     */
    static SaveRequest parseSave(byte[] data) {
        WireReader r = new WireReader(data);
        int requestId = r.u32();
        long count = r.u32L();
        if (count * UNIT_OVERHEAD > r.remaining()) {
            throw new ProtocolException("SAVE count " + count + " exceeds the " + r.remaining() + " bytes of units");
        }
        List<Unit> units = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            long unitLen = r.u32L();
            long key = r.u32L();
            byte[] value = r.opq();
            if (unitLen != r.position()) {
                throw new ProtocolException("SAVE unit " + i + " has unit_len " + unitLen
                        + " but ends at offset " + r.position());
            }
            units.add(new Unit(key, value));
        }
        if (r.remaining() != 0) {
            throw new ProtocolException("SAVE has " + r.remaining() + " bytes after its " + count + " unit(s)");
        }
        return new SaveRequest(requestId, units);
    }

    /**
     * LOADED. Each unit's unit_len is the offset of its end from the start of the payload, as
     * Meanwhile writes it on SAVE (24 + value length for the first unit, spec §6.6 [REC]).
     */
    static byte[] loaded(int requestId, int result, List<Unit> units) {
        WireWriter w = new WireWriter().u32(requestId).u32(result).u32(units.size());
        for (Unit u : units) {
            int end = w.size() + UNIT_OVERHEAD + u.value().length;
            w.u32(end).u32((int) u.key()).opq(u.value());
        }
        return w.toByteArray();
    }

    static byte[] saved(int requestId, int result) {
        return new WireWriter().u32(requestId).u32(result).toByteArray();
    }

    static byte[] storageChanged(List<Long> keys) {
        WireWriter w = new WireWriter().u32(0).u32(keys.size());
        for (long key : keys) {
            w.u32((int) key);
        }
        return w.toByteArray();
    }
}
