package org.openst.directory.service;

import java.util.List;

import org.openst.directory.api.DirectoryUser;
import org.openst.protocol.WireWriter;

/**
 * Encodes the replies of the directory service (spec §6.7). Only LIST is parsed by Meanwhile;
 * OPEN, SEARCH and GROUP_MEMBERS replies are our layouts (README, "Wire choices").
 */
final class DirectoryReplies {

    /** Member type of a user (Meanwhile's {@code mwDirectoryMember_USER}). */
    static final int MEMBER_USER = 0x0000;
    /** Member type of a group (Meanwhile's {@code mwDirectoryMember_GROUP}). */
    static final int MEMBER_GROUP = 0x0001;
    /** SEARCH reply flag: there are results after this page. */
    static final int FLAG_MORE = 0x00000001;

    private DirectoryReplies() {
    }

    /** An address book as LIST announces it. */
    record Book(int id, String name) {
    }

    /**
     * {@code u32 request_id, u32 code, u32 count, bool false, u16 0, count × (u32 book_id, str name)};
     * Meanwhile discards the reply unless the bool and the u16 are zero.
     */
    static byte[] list(int requestId, int code, List<Book> books) {
        WireWriter w = new WireWriter().u32(requestId).u32(code).u32(books.size()).bool(false).u16(0);
        for (Book b : books) {
            w.u32(b.id()).str(b.name());
        }
        return w.toByteArray();
    }

    /** {@code u32 request_id, u32 code, u32 directory_id} (0 when the code is a failure). */
    static byte[] open(int requestId, int code, int directoryId) {
        return new WireWriter().u32(requestId).u32(code).u32(directoryId).toByteArray();
    }

    /**
     * {@code u32 request_id, u32 code, u32 directory_id, u32 offset, u32 flags, u32 count, count × member};
     * offset is the position of the page's first entry in the whole result, flags {@link #FLAG_MORE}.
     */
    static byte[] search(int requestId, int code, int directoryId, int offset, int flags, List<DirectoryUser> users) {
        WireWriter w = new WireWriter(64 + users.size() * 48)
                .u32(requestId).u32(code).u32(directoryId).u32(offset).u32(flags).u32(users.size());
        users.forEach(u -> member(w, u));
        return w.toByteArray();
    }

    /** {@code u32 request_id, u32 code, u32 count, count × member}. */
    static byte[] groupMembers(int requestId, int code, List<DirectoryUser> users) {
        WireWriter w = new WireWriter(64 + users.size() * 48).u32(requestId).u32(code).u32(users.size());
        users.forEach(u -> member(w, u));
        return w.toByteArray();
    }

    /** A member: {@code u16 type, str id, str display name, str description}. */
    private static void member(WireWriter w, DirectoryUser u) {
        w.u16(MEMBER_USER).str(u.userId()).str(u.displayName()).str(u.description());
    }
}
