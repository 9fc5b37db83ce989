package org.openst.buddylist;

import org.openst.protocol.WireWriter;

/**
 * The awareness service's message types and the encoders of what the server sends (spec §6.2).
 * Blocks carry the client's ID bytes verbatim ({@link IdForm}); the status block is written with
 * the protocol's {@link org.openst.protocol.UserStatus} codec.
 */
final class AwareMessages {
    /** C→S {@code u32} count, count × AwareIdBlock. */
    static final int AWARE_ADD = 0x0068;
    /** C→S {@code u32} count, count × AwareIdBlock. */
    static final int AWARE_REMOVE = 0x0069;
    /** C→S {@code u32} 0, {@code u32} N, {@code u32} 0, {@code u32} key, {@code opq} value. */
    static final int OPT_DO_SET = 0x00C9;
    /** C→S {@code u32} 0, {@code u32} key. */
    static final int OPT_DO_UNSET = 0x00CA;
    /** C→S {@code u32} 0, {@code u32} count, count × {@code u32} key. */
    static final int OPT_WATCH = 0x00CB;
    /** S→C {@code u32} count, count × AwareSnapshot. */
    static final int AWARE_SNAPSHOT = 0x01F4;
    /** S→C one AwareSnapshot, block_len at payload offset 0. */
    static final int AWARE_UPDATE = 0x01F5;
    /** S→C {@code u32} 0, AwareIdBlock, {@code u32} 0, {@code u32} has_value, {@code u32} 0, {@code u32} key, [{@code opq}]. */
    static final int OPT_GOT_SET = 0x0259;
    /** S→C {@code u32} 0, AwareIdBlock, {@code u32} key. */
    static final int OPT_GOT_UNSET = 0x025A;

    private AwareMessages() {
    }

    static String name(int msgType) {
        switch (msgType) {
            case AWARE_ADD:
                return "AWARE_ADD";
            case AWARE_REMOVE:
                return "AWARE_REMOVE";
            case OPT_DO_SET:
                return "OPT_DO_SET";
            case OPT_DO_UNSET:
                return "OPT_DO_UNSET";
            case OPT_WATCH:
                return "OPT_WATCH";
            default:
                return "message 0x" + Integer.toHexString(msgType);
        }
    }

    /**
     * Appends one AwareSnapshot block (§1.2.6). block_len is the whole block including its own 4
     * bytes, with no extension, which both SNAPSHOT lists and UPDATE parse correctly (§1.2.6 [REC]).
     *
     * @param group the subscribed group this user is reported as a member of (§6.2.4), or null
     * @param shown the view as this watcher may see it; offline views write nothing after the flag
     */
    static void writeBlock(WireWriter w, IdForm id, IdForm group, UserView shown) {
        WireWriter body = new WireWriter(64);
        id.writeTo(body);
        if (group == null) {
            body.str("");
        } else {
            group.writeUserFieldTo(body);
        }
        body.bool(shown.online());
        if (shown.online()) {
            body.str(shown.altId());
            shown.status().write(body);
            body.str(shown.name());
        }
        w.u32(body.size() + 4).raw(body.toByteArray());
    }

    /** AWARE_UPDATE payload: one block at offset 0. */
    static byte[] update(IdForm id, UserView shown) {
        WireWriter w = new WireWriter(64);
        writeBlock(w, id, null, shown);
        return w.toByteArray();
    }

    /** OPT_GOT_SET payload: has_value is the value's length; a zero-length value has no opaque (§6.2). */
    static byte[] gotSet(IdForm id, int key, AttributeValue value) {
        WireWriter w = new WireWriter(40 + value.length());
        w.u32(0);
        id.writeTo(w);
        w.u32(0).u32(value.length()).u32(0).u32(key);
        if (value.length() > 0) {
            value.writeOpaqueTo(w);
        }
        return w.toByteArray();
    }

    /** OPT_GOT_UNSET payload. */
    static byte[] gotUnset(IdForm id, int key) {
        WireWriter w = new WireWriter(24);
        w.u32(0);
        id.writeTo(w);
        w.u32(key);
        return w.toByteArray();
    }

    /** Collects the blocks of one AWARE_SNAPSHOT. */
    static final class SnapshotBuilder {
        private final WireWriter blocks = new WireWriter(256);
        private int count;

        void add(IdForm id, IdForm group, UserView shown) {
            writeBlock(blocks, id, group, shown);
            count++;
        }

        int count() {
            return count;
        }

        byte[] build() {
            WireWriter w = new WireWriter(4 + blocks.size());
            return w.u32(count).raw(blocks.toByteArray()).toByteArray();
        }
    }
}
