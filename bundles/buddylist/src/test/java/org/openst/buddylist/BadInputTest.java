package org.openst.buddylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openst.hub.core.Clients;
import org.openst.protocol.AwareIdBlock;
import org.openst.protocol.AwareSnapshot;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.WireWriter;

/** Bad input closes the sender's awareness channel with ERR_REQUEST_INVALID and harms nobody else. */
class BadInputTest {
    private static final AwareIdBlock BOB = AwareIdBlock.user("bob");

    static List<Arguments> malformed() {
        byte[] oneBlock = AwareWire.ids(BOB);
        byte[] countTooLarge = oneBlock.clone();
        countTooLarge[3] = 5;
        return List.of(
                Arguments.of("ADD shorter than its count", AwareWire.AWARE_ADD, new byte[] {0, 0}),
                Arguments.of("ADD with a count larger than its blocks", AwareWire.AWARE_ADD, countTooLarge),
                Arguments.of("ADD with a huge count", AwareWire.AWARE_ADD, new WireWriter().u32(-1).toByteArray()),
                Arguments.of("ADD with a truncated string", AwareWire.AWARE_ADD,
                        new WireWriter().u32(1).u16(2).u16(40).raw(new byte[] {'b'}).toByteArray()),
                Arguments.of("ADD of an unknown ID type", AwareWire.AWARE_ADD,
                        AwareWire.ids(new AwareIdBlock(0x0005, "x", ""))),
                Arguments.of("REMOVE with a count larger than its blocks", AwareWire.AWARE_REMOVE, countTooLarge),
                Arguments.of("OPT_DO_SET with a truncated opaque", AwareWire.OPT_DO_SET,
                        new WireWriter().u32(0).u32(8).u32(0).u32(6).u32(8).u16(1).toByteArray()),
                Arguments.of("OPT_DO_UNSET without its key", AwareWire.OPT_DO_UNSET, new WireWriter().u32(0).toByteArray()),
                Arguments.of("OPT_WATCH with a count larger than its keys", AwareWire.OPT_WATCH,
                        new WireWriter().u32(0).u32(3).u32(1).toByteArray()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void aMalformedRequestClosesOnlyThatChannel(String what, int msgType, byte[] payload) throws Exception {
        try (AwarenessHub h = new AwarenessHub(); Watcher alice = Watcher.open(h.hub, "alice");
                Watcher carol = Watcher.open(h.hub, "carol")) {
            alice.addAndAwait(BOB);
            carol.addAndAwait(BOB);
            alice.send(msgType, payload);
            assertEquals(ErrorCode.ERR_REQUEST_INVALID, alice.channel.awaitClosed(Clients.WAIT));

            // Carol's channel works and sees Bob log in; Alice's login survives and may reopen.
            try (Clients bob = Clients.login(h.hub, "bob", "bob-pw")) {
                assertTrue(carol.nextUpdate().online());
                assertEquals(1, h.service.channelCount());
                var again = alice.login.client().openServiceChannel(AwareWire.SERVICE, AwareWire.PROTO_TYPE,
                        AwareWire.PROTO_VERSION, null);
                again.send(AwareWire.AWARE_ADD, AwareWire.ids(BOB));
                assertTrue(AwareWire.snapshot(again.receive(Clients.WAIT).data()).get(0).online());
            }
        }
    }

    @Test
    void limitsCloseTheChannel() throws Exception {
        AwarenessSettings small = new AwarenessSettings(Map.of(), 2, 4, 2);
        try (AwarenessHub h = new AwarenessHub(small, GroupMembers.NONE); Watcher alice = Watcher.open(h.hub, "alice");
                Watcher bob = Watcher.open(h.hub, "bob"); Watcher carol = Watcher.open(h.hub, "carol")) {
            assertEquals(3, alice.addAndAwait(BOB, BOB, AwareIdBlock.user("carol")).size(), "one block per listed ID");
            alice.add(AwareIdBlock.user("dave"));
            assertEquals(ErrorCode.ERR_REQUEST_INVALID, alice.channel.awaitClosed(Clients.WAIT), "3 subscriptions");

            bob.set(1, new byte[5]);
            assertEquals(ErrorCode.ERR_REQUEST_INVALID, bob.channel.awaitClosed(Clients.WAIT), "5-byte value");

            carol.set(1, AwareWire.TRUE);
            carol.set(2, AwareWire.TRUE);
            carol.set(3, AwareWire.TRUE);
            assertEquals(ErrorCode.ERR_REQUEST_INVALID, carol.channel.awaitClosed(Clients.WAIT), "3 keys");
            assertEquals(0, h.service.channelCount());
        }
    }

    @Test
    void unknownMessageTypesAreIgnored() throws Exception {
        try (AwarenessHub h = new AwarenessHub(); Watcher alice = Watcher.open(h.hub, "alice")) {
            alice.send(0x7777, new byte[] {1, 2, 3});
            assertEquals(List.of(AwareSnapshot.offline(BOB)), alice.addAndAwait(BOB));
        }
    }
}
