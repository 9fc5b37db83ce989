package org.openst.buddylist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.openst.protocol.AwareIdBlock;
import org.openst.protocol.AwareSnapshot;
import org.openst.protocol.WireReader;
import org.openst.protocol.WireWriter;

/**
 * What a client writes on the awareness channel and how it reads the answers (spec §6.2), built on
 * the protocol codecs only, so that tests check the service against the spec, not against itself.
 */
final class AwareWire {
    static final int SERVICE = 0x11;
    static final int PROTO_TYPE = 0x11;
    static final int PROTO_VERSION = 0x00030005;

    static final int AWARE_ADD = 0x0068;
    static final int AWARE_REMOVE = 0x0069;
    static final int OPT_DO_SET = 0x00C9;
    static final int OPT_DO_UNSET = 0x00CA;
    static final int OPT_WATCH = 0x00CB;
    static final int AWARE_SNAPSHOT = 0x01F4;
    static final int AWARE_UPDATE = 0x01F5;
    static final int OPT_GOT_SET = 0x0259;
    static final int OPT_GOT_UNSET = 0x025A;

    /** Pidgin's boolean attribute value "true" (§6.2.2). */
    static final byte[] TRUE = {0, 1};

    private AwareWire() {
    }

    /** An OPT_GOT_SET as Meanwhile reads it. */
    record GotSet(AwareIdBlock id, int key, byte[] value) {
    }

    /** An OPT_GOT_UNSET as Meanwhile reads it. */
    record GotUnset(AwareIdBlock id, int key) {
    }

    static byte[] ids(AwareIdBlock... ids) {
        WireWriter w = new WireWriter().u32(ids.length);
        for (AwareIdBlock id : ids) {
            id.write(w);
        }
        return w.toByteArray();
    }

    static byte[] doSet(int key, byte[] value) {
        return new WireWriter().u32(0).u32(value.length).u32(0).u32(key).opq(value).toByteArray();
    }

    static byte[] doUnset(int key) {
        return new WireWriter().u32(0).u32(key).toByteArray();
    }

    static byte[] watch(int... keys) {
        WireWriter w = new WireWriter().u32(0).u32(keys.length);
        for (int k : keys) {
            w.u32(k);
        }
        return w.toByteArray();
    }

    static List<AwareSnapshot> snapshot(byte[] payload) {
        WireReader r = new WireReader(payload);
        long count = r.u32L();
        List<AwareSnapshot> blocks = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            blocks.add(AwareSnapshot.read(r));
        }
        assertEquals(0, r.remaining(), "bytes after the last snapshot block");
        return blocks;
    }

    static AwareSnapshot update(byte[] payload) {
        WireReader r = new WireReader(payload);
        AwareSnapshot s = AwareSnapshot.read(r);
        assertEquals(0, r.remaining(), "bytes after the update block");
        return s;
    }

    static GotSet gotSet(byte[] payload) {
        WireReader r = new WireReader(payload);
        assertEquals(0, r.u32());
        AwareIdBlock id = AwareIdBlock.read(r);
        assertEquals(0, r.u32());
        int hasValue = r.u32();
        assertEquals(0, r.u32());
        int key = r.u32();
        byte[] value = hasValue != 0 ? r.opq() : new byte[0];
        assertEquals(hasValue, value.length, "has_value is the value's length");
        assertEquals(0, r.remaining(), "bytes after OPT_GOT_SET");
        return new GotSet(id, key, value);
    }

    static GotUnset gotUnset(byte[] payload) {
        WireReader r = new WireReader(payload);
        assertEquals(0, r.u32());
        AwareIdBlock id = AwareIdBlock.read(r);
        int key = r.u32();
        assertEquals(0, r.remaining(), "bytes after OPT_GOT_UNSET");
        return new GotUnset(id, key);
    }
}
