package org.openst.conference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.openst.client.ChannelMessage;
import org.openst.protocol.IdBlock;
import org.openst.protocol.LoginInfo;
import org.openst.protocol.WireReader;
import org.openst.protocol.WireWriter;

/**
 * The test side of the conference protocol (spec §6.3), written from the spec's tables and
 * Meanwhile's reader independently of {@link ConferenceWire}: what a client sends and how it reads
 * what it gets. Every parser insists that the whole message is consumed.
 */
final class ConfWire {
    static final int SERVICE = 0x80000010;
    static final int PROTO_TYPE = 0x10;
    static final int PROTO_VERSION = 2;

    static final int WELCOME = 0;
    static final int INVITE = 1;
    static final int JOIN = 2;
    static final int PART = 3;
    static final int MESSAGE = 4;
    static final int INVITE_FAILED = 5;

    private ConfWire() {
    }

    // ---- client → server

    /** Meanwhile's mwConference_open addtl. */
    static byte[] create(String name, String title) {
        return new WireWriter().str(name).str(title).u32(0).toByteArray();
    }

    /** Meanwhile's mwConference_invite. */
    static byte[] invite(String user, String text) {
        return new WireWriter().str(user).str("").u16(0).u32(0).str(text).str(user).toByteArray();
    }

    /** Meanwhile's mwConference_sendText. */
    static byte[] text(String text) {
        return new WireWriter().u32(1).str(text).toByteArray();
    }

    /** Meanwhile's mwConference_sendTyping. */
    static byte[] typing(boolean typing) {
        return new WireWriter().u32(2).u32(1).u32(typing ? 0 : 1).opq(null).toByteArray();
    }

    // ---- server → client

    record Entry(int id, LoginInfo info) {
    }

    record Welcome(String name, String title, int self, List<Entry> members) {
        List<String> userIds() {
            List<String> ids = new ArrayList<>();
            members.forEach(e -> ids.add(e.info().userId()));
            return ids;
        }
    }

    record Join(int id, LoginInfo info) {
    }

    record Message(int sender, byte[] payload) {
    }

    /** The addtl of an invitation channel, as Meanwhile's recv_channelCreate reads it. */
    record Invitation(String name, String title, LoginInfo inviter, String text) {
    }

    record InviteFailed(IdBlock invitee, int reason) {
    }

    static Welcome welcome(ChannelMessage m) {
        assertEquals(WELCOME, m.msgType(), "expected WELCOME, got " + m);
        WireReader r = new WireReader(m.data());
        String name = r.str();
        String title = r.str();
        int self = r.u16();
        assertEquals(0, r.u32(), "WELCOME's unknown u32");
        long count = r.u32L();
        List<Entry> members = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            members.add(new Entry(r.u16(), LoginInfo.read(r)));
        }
        end(r);
        return new Welcome(name, title, self, members);
    }

    static Join join(ChannelMessage m) {
        assertEquals(JOIN, m.msgType(), "expected JOIN, got " + m);
        WireReader r = new WireReader(m.data());
        Join j = new Join(r.u16(), LoginInfo.read(r));
        end(r);
        return j;
    }

    static int part(ChannelMessage m) {
        assertEquals(PART, m.msgType(), "expected PART, got " + m);
        WireReader r = new WireReader(m.data());
        int id = r.u16();
        end(r);
        return id;
    }

    static Message message(ChannelMessage m) {
        assertEquals(MESSAGE, m.msgType(), "expected MESSAGE, got " + m);
        WireReader r = new WireReader(m.data());
        Message msg = new Message(r.u16(), r.opq());
        end(r);
        return msg;
    }

    static Invitation invitation(byte[] addtl) {
        WireReader r = new WireReader(addtl);
        assertEquals(0, r.u32());
        String name = r.str();
        String title = r.str();
        assertEquals(0, r.u32());
        LoginInfo inviter = LoginInfo.read(r);
        assertEquals(0, r.u32());
        String text = r.str();
        end(r);
        return new Invitation(name, title, inviter, text);
    }

    static InviteFailed inviteFailed(ChannelMessage m) {
        assertEquals(INVITE_FAILED, m.msgType(), "expected INVITE_FAILED, got " + m);
        WireReader r = new WireReader(m.data());
        InviteFailed f = new InviteFailed(IdBlock.read(r), r.u32());
        end(r);
        return f;
    }

    private static void end(WireReader r) {
        assertEquals(0, r.remaining(), "bytes left after the last field");
    }
}
