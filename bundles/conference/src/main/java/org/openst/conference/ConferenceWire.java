package org.openst.conference;

import java.util.Collection;

import org.openst.protocol.IdBlock;
import org.openst.protocol.LoginInfo;
import org.openst.protocol.ProtocolException;
import org.openst.protocol.WireReader;
import org.openst.protocol.WireWriter;

/**
 * The conference service's messages (protocol spec §6.3), laid out exactly as Meanwhile's
 * {@code srvc_conf.c} reads and writes them. Stateless.
 */
final class ConferenceWire {

    /** The protocol type and version Meanwhile opens conference channels with (spec §6.0). */
    static final int PROTO_TYPE = 0x00000010;
    static final int PROTO_VERSION = 0x00000002;

    /** S→C: the member list, to a member who just joined (§6.3.3). */
    static final int WELCOME = 0x0000;
    /** C→S: invite a user (§6.3.2). */
    static final int INVITE = 0x0001;
    /** C→S: an invitee joins (empty); S→C: somebody joined (§6.3.3). */
    static final int JOIN = 0x0002;
    /** S→C: somebody left (§6.3.3). */
    static final int PART = 0x0003;
    /** Both: a chat message or typing notice (§6.3.4). */
    static final int MESSAGE = 0x0004;
    /**
     * S→C, this server's extension: an INVITE could not be delivered. Meanwhile's conference
     * {@code recv} ignores message types it does not know (see README), so clients that do not
     * know it are unaffected.
     */
    static final int INVITE_FAILED = 0x0005;

    /** Kinds of a MESSAGE payload (§6.3.4; Meanwhile's {@code MESSAGE_recv}). */
    static final int KIND_TEXT = 1;
    static final int KIND_DATA = 2;

    private ConferenceWire() {
    }

    /** The CHANNEL_CREATE addtl of a new conference: {@code str name, str title, u32 0} (§6.3.1). */
    record Create(String name, String title) {
    }

    /**
     * An INVITE (§6.3.2): {@code IdBlock invitee, u16 0, u32 0, str text, str invitee_user}.
     *
     * @param invitee the ID block as the client sent it (echoed in INVITE_FAILED)
     * @param text    the invitation text
     * @param userId  whom to invite: the block's user, or {@code invitee_user} when that is empty
     */
    record Invite(IdBlock invitee, String text, String userId) {
    }

    /** What a MESSAGE payload carries; only texts are chat-logged. */
    record Payload(int kind, String text) {
        boolean isText() {
            return kind == KIND_TEXT;
        }
    }

    /**
     * Reads a creation block. Bytes after the title (Meanwhile's {@code u32 0}) are ignored.
     *
     * @throws Malformed when name or title is missing or truncated
     */
    static Create parseCreate(byte[] addtl) throws Malformed {
        try {
            WireReader r = new WireReader(addtl);
            String name = r.str();
            String title = r.str();
            return new Create(name, title);
        } catch (ProtocolException e) {
            throw new Malformed("unreadable creation block: " + e.getMessage());
        }
    }

    /**
     * Reads an INVITE; every field Meanwhile writes must be there.
     *
     * @throws Malformed when truncated or naming nobody
     */
    static Invite parseInvite(byte[] data) throws Malformed {
        try {
            WireReader r = new WireReader(data);
            IdBlock invitee = IdBlock.read(r);
            r.u16(); // unknown, 0 from Meanwhile
            r.u32(); // unknown, 0 from Meanwhile
            String text = r.str();
            String inviteeUser = r.str();
            String userId = invitee.user().isEmpty() ? inviteeUser : invitee.user();
            if (userId.isEmpty()) {
                throw new Malformed("INVITE names no user");
            }
            return new Invite(invitee, text, userId);
        } catch (ProtocolException e) {
            throw new Malformed("truncated INVITE: " + e.getMessage());
        }
    }

    /**
     * Checks a non-empty MESSAGE payload (§6.3.4): kind 1 with a {@code str}, or kind 2 with two
     * {@code u32}s (type and subtype; Meanwhile's typing notice adds an empty {@code opq}). Bytes
     * after what Meanwhile reads are allowed: the payload is relayed as received.
     *
     * @throws Malformed for another kind or a truncated payload
     */
    static Payload parseMessage(byte[] data) throws Malformed {
        try {
            WireReader r = new WireReader(data);
            int kind = r.u32();
            if (kind == KIND_TEXT) {
                return new Payload(KIND_TEXT, r.str());
            }
            if (kind == KIND_DATA) {
                r.u32(); // data type (1 = typing)
                r.u32(); // subtype (0 = started, 1 = stopped)
                return new Payload(KIND_DATA, null);
            }
            throw new Malformed("MESSAGE of unknown kind 0x" + Integer.toHexString(kind));
        } catch (ProtocolException e) {
            throw new Malformed("truncated MESSAGE: " + e.getMessage());
        }
    }

    /**
     * WELCOME (§6.3.3): {@code str name, str title, u16 recipient's member ID, u32 0, u32 count,
     * count × (u16 member ID, LoginInfo)}; the members include the recipient, because Pidgin lists
     * the chat's participants from this message alone.
     */
    static byte[] welcome(String name, String title, int recipientId, Collection<Member> members) {
        WireWriter w = new WireWriter(64 + members.size() * 64);
        w.str(name).str(title).u16(recipientId).u32(0).u32(members.size());
        for (Member m : members) {
            w.u16(m.id());
            m.info().write(w);
        }
        return w.toByteArray();
    }

    /** JOIN (§6.3.3): {@code u16 member ID, LoginInfo}. */
    static byte[] join(Member member) {
        WireWriter w = new WireWriter(64);
        w.u16(member.id());
        member.info().write(w);
        return w.toByteArray();
    }

    /** PART (§6.3.3): {@code u16 member ID}. */
    static byte[] part(int memberId) {
        return new WireWriter(2).u16(memberId).toByteArray();
    }

    /**
     * S→C MESSAGE (§6.3.4): {@code u16 sender's member ID, opq payload}; Meanwhile reads the
     * opaque's length, then the kind, then the rest.
     */
    static byte[] message(int senderId, byte[] payload) {
        return new WireWriter(6 + payload.length).u16(senderId).opq(payload).toByteArray();
    }

    /**
     * The addtl of an invitation channel (§6.3.2), as Meanwhile's {@code recv_channelCreate}
     * reads it: {@code u32 0, str name, str title, u32 0, LoginInfo inviter, u32 0, str text}.
     */
    static byte[] invitation(String name, String title, LoginInfo inviter, String text) {
        WireWriter w = new WireWriter(128);
        w.u32(0).str(name).str(title).u32(0);
        inviter.write(w);
        w.u32(0).str(text);
        return w.toByteArray();
    }

    /** INVITE_FAILED (this server's extension): {@code IdBlock invitee as sent, u32 reason}. */
    static byte[] inviteFailed(IdBlock invitee, int reason) {
        WireWriter w = new WireWriter(32);
        invitee.write(w);
        w.u32(reason);
        return w.toByteArray();
    }
}
