package org.openst.directory.service;

import org.openst.protocol.ProtocolException;
import org.openst.protocol.WireReader;

/**
 * The requests of the directory service (spec §6.7). LIST, OPEN, CLOSE and SEARCH are laid out as
 * Meanwhile's {@code srvc_dir.c} writes them; GROUP_MEMBERS is ours (see the README).
 */
sealed interface DirectoryRequest {

    int MSG_LIST = 0x0000;
    int MSG_OPEN = 0x0001;
    int MSG_CLOSE = 0x0002;
    int MSG_SEARCH = 0x0003;
    int MSG_GROUP_MEMBERS = 0x0004;

    /** SEARCH action: a new search; a {@code str} query follows. */
    int ACTION_SEARCH = 0x00000008;
    /** SEARCH action: the next page of the current search. */
    int ACTION_NEXT = 0x00000000;
    /** SEARCH action: the previous page of the current search. */
    int ACTION_PREVIOUS = 0x00000001;

    int requestId();

    /** {@code u32 request_id}. */
    record ListBooks(int requestId) implements DirectoryRequest {
    }

    /** {@code u32 request_id, bool false, u16 0, u32 book_id, str book_name}. */
    record Open(int requestId, int bookId, String bookName) implements DirectoryRequest {
    }

    /** {@code u32 request_id, u32 directory_id}; no reply. */
    record Close(int requestId, int directoryId) implements DirectoryRequest {
    }

    /**
     * {@code u32 request_id, u32 directory_id, u16 magic, u32 action[, str query]}.
     *
     * @param query the text for {@link #ACTION_SEARCH}, else null
     */
    record Search(int requestId, int directoryId, int action, String query) implements DirectoryRequest {
    }

    /** Ours: {@code u32 request_id, str group_id}. */
    record GroupMembers(int requestId, String groupId) implements DirectoryRequest {
    }

    /** A request the service cannot read; the message says why, for the log. */
    final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /**
     * Decodes one message. Bytes after the known fields are ignored. The constant bytes Meanwhile
     * writes ({@code bool false, u16 0} in OPEN, the {@code u16} "magic" of SEARCH, whose meaning
     * is unknown) are read but not checked.
     *
     * @throws Malformed for an unknown message type or SEARCH action, or a truncated message
     */
    static DirectoryRequest parse(int msgType, byte[] data) throws Malformed {
        try {
            WireReader r = new WireReader(data);
            switch (msgType) {
                case MSG_LIST:
                    return new ListBooks(r.u32());
                case MSG_OPEN: {
                    int requestId = r.u32();
                    r.bool();
                    r.u16();
                    return new Open(requestId, r.u32(), r.str());
                }
                case MSG_CLOSE:
                    return new Close(r.u32(), r.u32());
                case MSG_SEARCH: {
                    int requestId = r.u32();
                    int directoryId = r.u32();
                    r.u16();
                    int action = r.u32();
                    if (action == ACTION_SEARCH) {
                        return new Search(requestId, directoryId, action, r.str());
                    }
                    if (action == ACTION_NEXT || action == ACTION_PREVIOUS) {
                        return new Search(requestId, directoryId, action, null);
                    }
                    throw new Malformed("unknown search action 0x" + Integer.toHexString(action));
                }
                case MSG_GROUP_MEMBERS:
                    return new GroupMembers(r.u32(), r.str());
                default:
                    throw new Malformed("unknown message type 0x" + Integer.toHexString(msgType));
            }
        } catch (ProtocolException e) {
            throw new Malformed("truncated message of type 0x" + Integer.toHexString(msgType) + ": " + e.getMessage());
        }
    }
}
