package org.openst.buddylist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openst.protocol.AwareIdBlock;
import org.openst.protocol.AwareSnapshot;
import org.openst.protocol.Hex;
import org.openst.protocol.UserStatus;
import org.openst.protocol.UserStatusCode;
import org.openst.protocol.WireReader;
import org.openst.protocol.WireWriter;
import org.openst.support.testing.FakeLogin;

/** The encoders write what the protocol codecs write, with the client's ID bytes echoed. */
class AwareMessagesTest {
    private static final IdForm BOB = IdForm.of(new AwareIdBlock(AwareIdBlock.USER, "Bob", "example.com"));
    private static final IdForm SALES = IdForm.of(new AwareIdBlock(AwareIdBlock.GROUP, "Sales", ""));

    @Test
    void blocksMatchTheProtocolCodec() {
        UserView view = UserView.of(new FakeLogin("k1#hub1", "bob", "BOB",
                new UserStatus(UserStatusCode.AWAY, 1234, "lunch"), null), Map.of());
        AwareSnapshot online = new AwareSnapshot(BOB.id(), "Sales", true, "k1#hub1", view.status(), "BOB");
        assertEquals(Hex.of(codec(online)), Hex.of(ours(BOB, SALES, view)));
        assertEquals(Hex.of(codec(AwareSnapshot.offline(BOB.id()))), Hex.of(ours(BOB, null, UserView.OFFLINE)));
        assertEquals(online, AwareWire.update(ours(BOB, SALES, view)));
    }

    @Test
    void aSnapshotListsItsBlocksAfterTheirCount() {
        AwareMessages.SnapshotBuilder b = new AwareMessages.SnapshotBuilder();
        b.add(BOB, null, UserView.OFFLINE);
        b.add(BOB, null, UserView.OFFLINE);
        assertEquals(List.of(AwareSnapshot.offline(BOB.id()), AwareSnapshot.offline(BOB.id())),
                AwareWire.snapshot(b.build()));
    }

    @Test
    void attributeMessagesFollowSection62() {
        byte[] set = AwareMessages.gotSet(BOB, 6, AttributeValue.of(new byte[] {0, 1}));
        assertEquals("00000000" + Hex.of(id(BOB)) + "00000000" + "00000002" + "00000000" + "00000006" + "00000002" + "0001",
                Hex.of(set));
        byte[] empty = AwareMessages.gotSet(BOB, 6, AttributeValue.of(new byte[0]));
        assertEquals("00000000" + Hex.of(id(BOB)) + "00000000" + "00000000" + "00000000" + "00000006", Hex.of(empty));
        assertEquals("00000000" + Hex.of(id(BOB)) + "00000006", Hex.of(AwareMessages.gotUnset(BOB, 6)));
    }

    @Test
    void requestsDecode() {
        assertEquals(List.of(BOB, SALES), AwareRequests.ids(AwareWire.ids(BOB.id(), SALES.id())));
        AwareRequests.AttributeSet s = AwareRequests.doSet(AwareWire.doSet(6, new byte[] {0, 1}));
        assertEquals(6, s.key());
        assertArrayEquals(new byte[] {0, 1}, s.value());
        assertEquals(3, AwareRequests.doUnset(AwareWire.doUnset(3)));
        assertEquals(Set.of(1, 2), AwareRequests.watch(AwareWire.watch(1, 2, 2)));
        IdForm read = IdForm.read(new WireReader(id(BOB)));
        assertEquals(BOB, read);
        assertEquals("bob", read.userKey());
    }

    private static byte[] codec(AwareSnapshot s) {
        WireWriter w = new WireWriter();
        s.write(w);
        return w.toByteArray();
    }

    private static byte[] ours(IdForm id, IdForm group, UserView view) {
        WireWriter w = new WireWriter();
        AwareMessages.writeBlock(w, id, group, view);
        return w.toByteArray();
    }

    private static byte[] id(IdForm form) {
        WireWriter w = new WireWriter();
        form.writeTo(w);
        return w.toByteArray();
    }
}
