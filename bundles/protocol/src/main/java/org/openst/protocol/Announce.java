package org.openst.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * ANNOUNCE {@code 0x0022} (§3.15, both directions). The content opaque holds {@code bool
 * may_reply, str text}. Recipients are kept in wire order.
 *
 * <p>sender is null exactly when senderPresent is false: a sender given with senderPresent =
 * false is dropped (it would not be on the wire); senderPresent = true with a null sender is
 * rejected.
 *
 * @param senderPresent C→S false, S→C true
 * @param sender the sender's LoginInfo when present
 * @param unknown u16, 0
 * @param mayReply whether the recipient may reply
 * @param text the announcement
 * @param recipients {@code "@U <user id>"} or {@code "@G <group>"} entries (immutable copy)
 */
public record Announce(boolean senderPresent, LoginInfo sender, int unknown, boolean mayReply,
        String text, List<String> recipients) implements Message {

    /** Normalises nulls and checks sender consistency. */
    public Announce {
        if (senderPresent && sender == null) {
            throw new IllegalArgumentException("senderPresent requires a sender");
        }
        sender = senderPresent ? sender : null;
        unknown &= 0xFFFF;
        text = Strings.orEmpty(text);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    @Override
    public int type() {
        return MessageType.ANNOUNCE;
    }

    @Override
    public int channel() {
        return 0;
    }

    static Announce readBody(WireReader r) {
        boolean present = r.bool();
        LoginInfo sender = present ? LoginInfo.read(r) : null;
        int unknown = r.u16();
        WireReader content = new WireReader(r.opq());
        // An empty content opaque is read as "no reply, no text" rather than rejected.
        boolean mayReply = content.remaining() > 0 && content.bool();
        String text = content.remaining() > 0 ? content.str() : "";
        long count = r.u32L();
        if (count * 2 > r.remaining()) {
            throw new ProtocolException("recipient count " + count + " exceeds remaining "
                    + r.remaining() + " bytes at offset " + (r.position() - 4));
        }
        List<String> recipients = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            recipients.add(r.str());
        }
        return new Announce(present, sender, unknown, mayReply, text, recipients);
    }

    void writeBody(WireWriter w) {
        w.bool(senderPresent);
        if (senderPresent) {
            sender.write(w);
        }
        w.u16(unknown).opq(new WireWriter().bool(mayReply).str(text).toByteArray());
        w.u32(recipients.size());
        for (String s : recipients) {
            w.str(s);
        }
    }
}
