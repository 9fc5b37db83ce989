package org.openst.directory.service;

import java.util.ArrayList;
import java.util.List;

import org.openst.protocol.WireReader;
import org.openst.protocol.WireWriter;

/**
 * The client side of the directory protocol for the tests: requests exactly as Meanwhile's
 * srvc_dir.c writes them (spec §6.7), replies as our README defines them.
 */
final class Wire {

    record Member(int type, String id, String name, String description) {
    }

    record Page(int requestId, int code, int directoryId, int offset, int flags, List<Member> members) {
        List<String> ids() {
            return members.stream().map(Member::id).toList();
        }
    }

    record Members(int requestId, int code, List<Member> members) {
        List<String> ids() {
            return members.stream().map(Member::id).toList();
        }
    }

    private Wire() {
    }

    static byte[] list(int requestId) {
        return new WireWriter().u32(requestId).toByteArray();
    }

    static byte[] open(int requestId, int bookId, String bookName) {
        return new WireWriter().u32(requestId).bool(false).u16(0).u32(bookId).str(bookName).toByteArray();
    }

    static byte[] close(int requestId, int directoryId) {
        return new WireWriter().u32(requestId).u32(directoryId).toByteArray();
    }

    static byte[] search(int requestId, int directoryId, String query) {
        return new WireWriter().u32(requestId).u32(directoryId).u16(0x0061).u32(8).str(query).toByteArray();
    }

    static byte[] next(int requestId, int directoryId) {
        return new WireWriter().u32(requestId).u32(directoryId).u16(0xFFFF).u32(0).toByteArray();
    }

    static byte[] previous(int requestId, int directoryId) {
        return new WireWriter().u32(requestId).u32(directoryId).u16(0x0061).u32(1).toByteArray();
    }

    static byte[] groupMembers(int requestId, String groupId) {
        return new WireWriter().u32(requestId).str(groupId).toByteArray();
    }

    /** @return {request_id, code, directory_id} */
    static int[] openReply(byte[] data) {
        WireReader r = new WireReader(data);
        int[] v = { r.u32(), r.u32(), r.u32() };
        end(r);
        return v;
    }

    static Page page(byte[] data) {
        WireReader r = new WireReader(data);
        int requestId = r.u32();
        int code = r.u32();
        int dir = r.u32();
        int offset = r.u32();
        int flags = r.u32();
        List<Member> members = members(r);
        end(r);
        return new Page(requestId, code, dir, offset, flags, members);
    }

    static Members groupMembersReply(byte[] data) {
        WireReader r = new WireReader(data);
        int requestId = r.u32();
        int code = r.u32();
        List<Member> members = members(r);
        end(r);
        return new Members(requestId, code, members);
    }

    private static List<Member> members(WireReader r) {
        int count = r.u32();
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add(new Member(r.u16(), r.str(), r.str(), r.str()));
        }
        return members;
    }

    private static void end(WireReader r) {
        if (r.remaining() != 0) {
            throw new AssertionError(r.remaining() + " unexpected bytes at the end");
        }
    }
}
