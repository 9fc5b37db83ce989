package org.openst.places.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.openst.client.ChannelMessage;
import org.openst.protocol.WireReader;
import org.openst.protocol.WireWriter;

/**
 * The client side of the place protocol, written for the tests from Meanwhile 1.1.1's
 * src/srvc_place.c (independently of the bundle's codec): what a Meanwhile client sends, and a
 * decoder that reads every server message field by field exactly as Meanwhile does. The decoder
 * is stricter than Meanwhile: the unknown fields must be 0 (spec §6.4 REC) and nothing may follow
 * the last field Meanwhile reads.
 */
final class PlaceWire {
    static final int SERVICE = 0x80000022;
    static final int PROTO_TYPE = 0;
    static final int PROTO_VERSION = 5;

    // client → server
    static final int JOIN_PLACE = 0x0000;
    static final int MESSAGE = 0x0003;
    static final int OLD_INVITE = 0x0005;
    static final int SET_ATTR = 0x000A;
    static final int SECTION = 0x0014;

    // server → client
    static final int JOIN_RESPONSE = 0x0000;
    static final int INFO = 0x0002;
    static final int MESSAGE_IN = 0x0004;
    static final int SECTION_IN = 0x0014;

    record JoinResponse(int memberId, int section) {
    }

    record Info(int section, String title) {
    }

    record Member(int memberId, int memberType, String userId, String community, String loginId, String name,
            int loginType) {
    }

    record SectionList(int section, List<Member> members) {
    }

    record PeerJoin(int section, Member member) {
    }

    record PeerPart(int section, int memberId) {
    }

    record Message(int senderId, int section, byte[] payload, String text) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Message m && m.senderId == senderId && m.section == section
                    && Arrays.equals(m.payload, payload) && m.text.equals(text);
        }

        @Override
        public int hashCode() {
            return senderId * 31 + text.hashCode();
        }
    }

    private PlaceWire() {
    }

    // ---------------------------------------------------------------- what Meanwhile sends

    /** mwPlace_open: {@code str name, str title, u32 0}. */
    static byte[] createData(String name, String title) {
        return new WireWriter().str(name).str(title).u32(0).toByteArray();
    }

    /** send_JOIN_PLACE: {@code bool false, u16 1, u16 2, u16 1}. */
    static byte[] joinPlace() {
        return new WireWriter().bool(false).u16(1).u16(2).u16(1).toByteArray();
    }

    /** send_SECTION_LIST: {@code u16 2, u32 section, bool false, u32 ++requests}. */
    static byte[] listRequest(int section, int counter) {
        return new WireWriter().u16(2).u32(section).bool(false).u32(counter).toByteArray();
    }

    /** mwPlace_sendText's inner opaque: {@code u32 1, str text}. */
    static byte[] textPayload(String text) {
        return new WireWriter().u32(1).str(text).toByteArray();
    }

    /** mwPlace_sendText: {@code u32 section, opq {u32 1, str text}}. */
    static byte[] text(int section, String text) {
        return new WireWriter().u32(section).opq(textPayload(text)).toByteArray();
    }

    /** mwPlace_legacyInvite: {@code IdBlock, str user, str user, str message, bool false}. */
    static byte[] oldInvite(String user, String message) {
        return new WireWriter().str(user).str("").str(user).str(user).str(message).bool(false).toByteArray();
    }

    // ---------------------------------------------------------------- what Meanwhile reads

    /** Decodes one server message into one of the records above. */
    static Object decode(ChannelMessage m) {
        WireReader r = new WireReader(m.data());
        Object decoded;
        switch (m.msgType()) {
            case JOIN_RESPONSE:
                decoded = new JoinResponse(r.u32(), r.u32()); // recv_JOIN_RESPONSE
                break;
            case INFO: {
                int skip = r.u32(); // recv_INFO
                int section = r.u32();
                r.skip(skip);
                if (section != 0) {
                    fail("INFO for a section: Meanwhile ignores those; the server should not send them");
                }
                zero(r.u16(), "INFO unknown u16");
                decoded = new Info(section, r.str());
                break;
            }
            case MESSAGE_IN: {
                int sender = r.u32(); // recv_MESSAGE
                int section = r.u32();
                byte[] payload = r.opq();
                WireReader inner = new WireReader(payload);
                assertEquals(1, inner.u32(), "message kind");
                String text = inner.str();
                end(inner, "MESSAGE payload");
                decoded = new Message(sender, section, payload, text);
                break;
            }
            case SECTION_IN:
                decoded = section(r);
                break;
            default:
                throw new AssertionError("unexpected place message " + m);
        }
        end(r, "message 0x" + Integer.toHexString(m.msgType()));
        return decoded;
    }

    /** Decodes and checks the type. */
    static <T> T decode(ChannelMessage m, Class<T> type) {
        Object decoded = decode(m);
        if (!type.isInstance(decoded)) {
            throw new AssertionError("expected " + type.getSimpleName() + " but got " + decoded);
        }
        return type.cast(decoded);
    }

    private static Object section(WireReader r) {
        int subtype = r.u16(); // recv_SECTION
        switch (subtype) {
            case 0x0000: { // recv_SECTION_LIST
                zero(r.u32(), "LIST unknown 4 bytes");
                int section = r.u32();
                zero(r.u32(), "LIST unknown 8 bytes");
                zero(r.u32(), "LIST unknown 8 bytes");
                int count = r.u32();
                zero(r.u32(), "LIST unknown 8 bytes (after count)");
                zero(r.u32(), "LIST unknown 8 bytes (after count)");
                List<Member> members = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    zero(r.u32(), "member record's leading 4 bytes");
                    members.add(member(r));
                }
                return new SectionList(section, members);
            }
            case 0x0001: { // recv_SECTION_PEER
                int peerSubtype = r.u16();
                if (peerSubtype == 0x0000) { // recv_SECTION_PEER_JOIN
                    int section = r.u32();
                    zero(r.u32(), "PEER JOIN unknown 4 bytes");
                    return new PeerJoin(section, member(r));
                }
                if (peerSubtype == 0x0001) { // recv_SECTION_PEER_PART
                    return new PeerPart(r.u32(), r.u32());
                }
                throw new AssertionError("unexpected SECTION PEER subtype " + peerSubtype);
            }
            default:
                throw new AssertionError("unexpected SECTION subtype " + subtype);
        }
    }

    /** The member record from its member ID on; upstream Meanwhile reads no extra str (spec §9.1). */
    private static Member member(WireReader r) {
        int id = r.u32();
        int type = r.u16();
        String user = r.str();
        String community = r.str();
        String loginId = r.str();
        String name = r.str();
        int loginType = r.u16();
        zero(r.u32(), "member unknown_a");
        zero(r.u32(), "member unknown_b");
        return new Member(id, type, user, community, loginId, name, loginType);
    }

    private static void zero(int value, String what) {
        assertEquals(0, value, what + " should be 0 (spec §6.4 REC)");
    }

    private static void end(WireReader r, String what) {
        assertEquals(0, r.remaining(), what + ": bytes after the last field Meanwhile reads");
    }
}
