package org.openst.buddylist;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.openst.protocol.AwareIdBlock;
import org.openst.protocol.ProtocolException;
import org.openst.protocol.WireReader;

/**
 * Decoders of what clients send on the awareness channel (spec §6.2). Every violation throws
 * {@link ProtocolException}; bytes after the last field are ignored, as Meanwhile ignores them
 * (§1.1).
 */
final class AwareRequests {
    /** The smallest AwareIdBlock: type and two empty strings. */
    private static final int MIN_ID_BYTES = 6;

    private AwareRequests() {
    }

    /** OPT_DO_SET's key and value. */
    record AttributeSet(int key, byte[] value) {
    }

    /** AWARE_ADD / AWARE_REMOVE: the IDs, in order, duplicates kept. */
    static List<IdForm> ids(byte[] data) {
        WireReader r = new WireReader(data);
        long count = r.u32L();
        // Checked before the loop, so that a huge count is refused without allocating for it.
        if (count * MIN_ID_BYTES > r.remaining()) {
            throw new ProtocolException("count " + count + " needs at least " + count * MIN_ID_BYTES
                    + " bytes but only " + r.remaining() + " follow");
        }
        List<IdForm> ids = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            IdForm id = IdForm.read(r);
            if (id.type() != AwareIdBlock.USER && id.type() != AwareIdBlock.GROUP && id.type() != AwareIdBlock.SERVER) {
                // Spec §6.2.3 defines only these; no client sends others, so one is a broken request.
                throw new ProtocolException("unknown awareness ID type 0x" + Integer.toHexString(id.type())
                        + " (user 0x2, group 0x3 and server 0x8 are defined)");
            }
            ids.add(id);
        }
        return ids;
    }

    /**
     * OPT_DO_SET. The declared length N repeats the opaque's own length; the opaque is what counts
     * (the spec gives N no other meaning), so a disagreeing N is not an error.
     */
    static AttributeSet doSet(byte[] data) {
        WireReader r = new WireReader(data);
        r.u32();
        r.u32(); // N
        r.u32();
        int key = r.u32();
        return new AttributeSet(key, r.opq());
    }

    /** OPT_DO_UNSET: the key. */
    static int doUnset(byte[] data) {
        WireReader r = new WireReader(data);
        r.u32();
        return r.u32();
    }

    /** OPT_WATCH: the complete set of watched keys (may be empty). */
    static Set<Integer> watch(byte[] data) {
        WireReader r = new WireReader(data);
        r.u32();
        long count = r.u32L();
        if (count * 4 > r.remaining()) {
            throw new ProtocolException("count " + count + " needs " + count * 4 + " bytes but only "
                    + r.remaining() + " follow");
        }
        Set<Integer> keys = new LinkedHashSet<>();
        for (long i = 0; i < count; i++) {
            keys.add(r.u32());
        }
        return keys;
    }
}
