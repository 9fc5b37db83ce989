package org.openst.places.service;

import java.util.List;

import org.openst.protocol.IdBlock;
import org.openst.protocol.ProtocolException;
import org.openst.protocol.WireReader;
import org.openst.protocol.WireWriter;

/**
 * The place protocol (spec §6.4) as Meanwhile 1.1.1 speaks it (src/srvc_place.c): parsers for
 * what clients send, encoders for what the server sends. Stateless. Encoders write every field
 * Meanwhile reads, in its order, with the unknown fields as 0 (spec §10 row 14); parsers throw
 * {@link ProtocolException} for a truncated or unacceptable payload.
 */
final class PlaceMessages {
    /** Spec §6.4: the protocol type and version of place channels. */
    static final int PROTO_TYPE = 0x0000;
    static final int PROTO_VERSION = 0x0005;

    // Client → server message types.
    static final int JOIN_PLACE = 0x0000;
    static final int PEER_INFO = 0x0002;
    static final int MESSAGE = 0x0003;
    static final int OLD_INVITE = 0x0005;
    static final int SET_ATTR = 0x000A;
    static final int CLEAR_ATTR = 0x000B;
    static final int SECTION = 0x0014;
    static final int UNKNOWN_1E = 0x001E;
    /** SECTION subtypes a client sends. */
    static final int SECTION_LIST_REQUEST = 0x0002;
    static final int SECTION_PART_REQUEST = 0x0003;

    // Server → client message types.
    static final int JOIN_RESPONSE = 0x0000;
    static final int INFO = 0x0002;
    static final int MESSAGE_OUT = 0x0004;
    static final int SECTION_OUT = 0x0014;
    /** SECTION subtypes the server sends. */
    static final int SECTION_LIST = 0x0000;
    static final int SECTION_PEER = 0x0001;
    /** SECTION / PEER subtypes. */
    static final int PEER_JOIN = 0x0000;
    static final int PEER_PART = 0x0001;

    /** Spec §6.4 [REC]: every member is a user (member type 1). */
    static final int MEMBER_TYPE_USER = 1;
    /** The only message kind Meanwhile sends and reads: {@code u32 1, str text}. */
    static final int KIND_TEXT = 1;

    /** CREATE addtl: {@code str name, str title, u32 0}. */
    record CreateData(String name, String title) {
    }

    /** SECTION request: the subtype and, for a LIST request, the section asked for. */
    record SectionRequest(int subtype, int section) {
    }

    /** MESSAGE: the section, the payload exactly as sent (for the relay) and its text. */
    record ChatMessage(int section, byte[] payload, String text) {
    }

    /** OLD_INVITE: whom the sender invites, with what text. */
    record OldInvite(IdBlock invitee, String text) {
    }

    private PlaceMessages() {
    }

    // ---------------------------------------------------------------- client → server

    /**
     * The CREATE addtl. Meanwhile writes a trailing {@code u32 0}; it is not required, and
     * anything after the title is ignored.
     */
    static CreateData parseCreate(byte[] addtl) {
        WireReader r = new WireReader(addtl);
        return new CreateData(r.str(), r.str());
    }

    /** JOIN_PLACE: {@code bool false, u16 1, u16 2, u16 1}; the values carry no meaning we know. */
    static void parseJoin(byte[] data) {
        WireReader r = new WireReader(data);
        r.bool();
        r.u16();
        r.u16();
        r.u16();
    }

    /** SECTION: {@code u16 subtype}; a LIST request goes on with {@code u32 section, bool, u32 counter}. */
    static SectionRequest parseSection(byte[] data) {
        WireReader r = new WireReader(data);
        int subtype = r.u16();
        if (subtype != SECTION_LIST_REQUEST) {
            return new SectionRequest(subtype, 0);
        }
        int section = r.u32();
        r.bool();
        r.u32();
        return new SectionRequest(subtype, section);
    }

    /** MESSAGE: {@code u32 section, opq {u32 1, str text}}. Other kinds are refused: Meanwhile would read them as text. */
    static ChatMessage parseMessage(byte[] data) {
        WireReader r = new WireReader(data);
        int section = r.u32();
        byte[] payload = r.opq();
        WireReader inner = new WireReader(payload);
        int kind = inner.u32();
        if (kind != KIND_TEXT) {
            throw new ProtocolException("message kind " + kind + ", only text (1) is relayed");
        }
        return new ChatMessage(section, payload, inner.str());
    }

    /** OLD_INVITE: {@code IdBlock invitee, str user, str user, str text, bool false}. */
    static OldInvite parseOldInvite(byte[] data) {
        WireReader r = new WireReader(data);
        IdBlock invitee = IdBlock.read(r);
        r.str();
        r.str();
        String text = r.str();
        r.bool();
        return new OldInvite(invitee, text);
    }

    // ---------------------------------------------------------------- server → client

    /** JOIN_RESPONSE: {@code u32 member ID, u32 section} (section non-zero). */
    static byte[] joinResponse(int memberId, int section) {
        return new WireWriter(8).u32(memberId).u32(section).toByteArray();
    }

    /**
     * INFO for the place itself: {@code u32 skip_len 0, u32 section 0}, then the two bytes
     * Meanwhile skips, then {@code str title}.
     */
    static byte[] placeInfo(String title) {
        return new WireWriter(16 + title.length()).u32(0).u32(0).u16(0).str(title).toByteArray();
    }

    /**
     * SECTION / LIST: {@code u16 0, 4 unknown, u32 section, 8 unknown, u32 count, 8 unknown},
     * then each member record preceded by its 4 unknown bytes.
     */
    static byte[] sectionList(int section, List<MemberRecord> members) {
        WireWriter w = new WireWriter(32 + 64 * members.size());
        w.u16(SECTION_LIST).u32(0).u32(section).u32(0).u32(0).u32(members.size()).u32(0).u32(0);
        for (MemberRecord m : members) {
            w.u32(0);
            writeMember(w, m);
        }
        return w.toByteArray();
    }

    /** SECTION / PEER / JOIN: {@code u16 1, u16 0, u32 section, 4 unknown}, then the member record without its leading 4 bytes. */
    static byte[] peerJoin(int section, MemberRecord member) {
        WireWriter w = new WireWriter(64);
        w.u16(SECTION_PEER).u16(PEER_JOIN).u32(section).u32(0);
        writeMember(w, member);
        return w.toByteArray();
    }

    /** SECTION / PEER / PART: {@code u16 1, u16 1, u32 section, u32 member ID}. */
    static byte[] peerPart(int section, int memberId) {
        return new WireWriter(12).u16(SECTION_PEER).u16(PEER_PART).u32(section).u32(memberId).toByteArray();
    }

    /** MESSAGE: {@code u32 sender member ID, u32 section, opq payload} (the sender's payload unchanged). */
    static byte[] message(int senderId, int section, byte[] payload) {
        return new WireWriter(12 + payload.length).u32(senderId).u32(section).opq(payload).toByteArray();
    }

    /**
     * The member record from its member ID on: {@code u32 member ID, u16 member type, IdBlock,
     * str login ID, str display name, u16 login type, u32 0, u32 0}. Never the extra {@code str}
     * of Debian's patch (spec §9.1): the hub announces version 0x001E/0x001D, below 0x001E/0x213F,
     * so Debian's libmeanwhile does not read it and upstream never does.
     */
    private static void writeMember(WireWriter w, MemberRecord m) {
        w.u32(m.memberId()).u16(MEMBER_TYPE_USER);
        new IdBlock(m.login().userId(), m.login().community()).write(w);
        w.str(m.login().loginId()).str(m.login().userName()).u16(m.login().loginType()).u32(0).u32(0);
    }

    /** A message type's name for log lines. */
    static String name(int msgType) {
        switch (msgType) {
            case JOIN_PLACE: return "JOIN_PLACE";
            case PEER_INFO: return "PEER_INFO";
            case MESSAGE: return "MESSAGE";
            case OLD_INVITE: return "OLD_INVITE";
            case SET_ATTR: return "SET_ATTR";
            case CLEAR_ATTR: return "CLEAR_ATTR";
            case SECTION: return "SECTION";
            case UNKNOWN_1E: return "0x001E";
            default: return String.format("0x%04X", msgType);
        }
    }
}
