package org.openst.places.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openst.client.ChannelRefusedException;
import org.openst.hub.core.Clients;
import org.openst.places.service.PlaceWire.Message;
import org.openst.places.service.PlaceWire.PeerJoin;
import org.openst.places.service.PlaceWire.PeerPart;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.WireWriter;
import org.openst.support.testing.LogCapture;

import ch.qos.logback.classic.Level;

/** One test per rule a client can break: only its own channel suffers, with a clear code and a log line. */
class BadInputTest {
    PlacesFixture fx;

    void start(PlacesComponent.Config config) throws IOException {
        fx = new PlacesFixture(config);
    }

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    /** Enters alice and bob; alice has seen bob join. */
    PlaceSession[] aliceAndBob() throws IOException {
        PlaceSession alice = PlaceSession.enter(fx.login("alice"), "lunch", "Lunch talk");
        PlaceSession bob = PlaceSession.enter(fx.login("bob"), "lunch", "Lunch talk");
        alice.next(PeerJoin.class);
        return new PlaceSession[] {alice, bob};
    }

    /** Alice says something and it is the next thing she gets: nothing else reached her before. */
    static void assertNothingElseArrived(PlaceSession s) throws IOException {
        s.say("still here");
        assertEquals("still here", s.next(Message.class).text());
    }

    @Test
    void aTooLongPlaceNameIsRefusedAndNothingChanges() throws IOException {
        start(TestConfigs.defaults());
        RecordingActivity activity = new RecordingActivity("recorder");
        fx.places.addActivity(activity);
        Clients alice = fx.login("alice");
        try (LogCapture log = new LogCapture(PlacesComponent.class)) {
            ChannelRefusedException refused = assertThrows(ChannelRefusedException.class,
                    () -> PlaceSession.open(alice, "x".repeat(257), "Too long"));
            assertEquals(ErrorCode.ERR_REQUEST_INVALID, refused.reason());
            assertTrue(log.has(Level.WARN, "alice", "257", "max.name.length"), log.messages(Level.WARN).toString());
        }
        assertEquals(Map.of(), fx.records.list(PlaceDefinitions.NAMESPACE));
        assertEquals(0, fx.records.calls(), "the store was not asked");
        assertEquals(Map.of(), fx.places.livePlaces());
        assertEquals(List.of(), activity.events());
        PlaceSession.enter(alice, "x".repeat(256), "Just fits");
    }

    @Test
    void anEmptyNameAndATooLongTitleAreRefused() throws IOException {
        start(TestConfigs.places(256, 10, 500));
        Clients alice = fx.login("alice");
        assertEquals(ErrorCode.ERR_REQUEST_INVALID, assertThrows(ChannelRefusedException.class,
                () -> PlaceSession.open(alice, "", "Title")).reason());
        assertEquals(ErrorCode.ERR_REQUEST_INVALID, assertThrows(ChannelRefusedException.class,
                () -> PlaceSession.open(alice, "lunch", "eleven char")).reason());
        assertEquals(Map.of(), fx.records.list(PlaceDefinitions.NAMESPACE));
    }

    @Test
    void malformedCreationDataIsRefused() throws IOException {
        start(TestConfigs.defaults());
        Clients alice = fx.login("alice");
        byte[] truncated = new WireWriter().str("lunch").u16(40).toByteArray(); // title claims 40 bytes, has none
        ChannelRefusedException refused = assertThrows(ChannelRefusedException.class, () -> alice.client()
                .openServiceChannel(PlaceWire.SERVICE, PlaceWire.PROTO_TYPE, PlaceWire.PROTO_VERSION, truncated));
        assertEquals(ErrorCode.ERR_REQUEST_INVALID, refused.reason());
    }

    @Test
    void aWrongProtocolTypeOrVersionIsRefused() throws IOException {
        start(TestConfigs.defaults());
        Clients alice = fx.login("alice");
        byte[] create = PlaceWire.createData("lunch", "Lunch talk");
        assertEquals(ErrorCode.ERR_PROTOCOL_NO_SUPPORT, assertThrows(ChannelRefusedException.class,
                () -> alice.client().openServiceChannel(PlaceWire.SERVICE, 0x10, 5, create)).reason());
        assertEquals(ErrorCode.ERR_VERSION_NO_SUPPORT, assertThrows(ChannelRefusedException.class,
                () -> alice.client().openServiceChannel(PlaceWire.SERVICE, 0, 4, create)).reason());
    }

    @Test
    void aMessageBeforeJoinPlaceClosesThatChannelOnly() throws IOException {
        start(TestConfigs.defaults());
        PlaceSession alice = PlaceSession.enter(fx.login("alice"), "lunch", "Lunch talk");
        PlaceSession bob = PlaceSession.open(fx.login("bob"), "lunch", "Lunch talk");
        try (LogCapture log = new LogCapture(Room.class)) {
            bob.channel.send(PlaceWire.MESSAGE, PlaceWire.text(Room.SECTION_ID, "sneaking in"));
            assertEquals(ErrorCode.ERR_REQUEST_INVALID, bob.awaitClosed());
            assertTrue(log.has(Level.WARN, "bob", "lunch", "MESSAGE before JOIN_PLACE"), log.messages(Level.WARN).toString());
        }
        assertNothingElseArrived(alice);
    }

    @Test
    void aMessageForAnotherSectionClosesThatChannelAndTheMemberLeaves() throws IOException {
        start(TestConfigs.defaults());
        PlaceSession[] ab = aliceAndBob();
        ab[1].channel.send(PlaceWire.MESSAGE, PlaceWire.text(7, "elsewhere"));
        assertEquals(ErrorCode.ERR_REQUEST_INVALID, ab[1].awaitClosed());
        assertEquals(new PeerPart(Room.SECTION_ID, ab[1].memberId), ab[0].next(PeerPart.class));
        assertNothingElseArrived(ab[0]);
    }

    @Test
    void aMalformedMessageClosesOnlyThatChannel() throws IOException {
        start(TestConfigs.defaults());
        PlaceSession[] ab = aliceAndBob();
        byte[] truncated = new WireWriter().u32(Room.SECTION_ID).u32(100).u32(1).toByteArray(); // opq says 100 bytes
        try (LogCapture log = new LogCapture(Room.class)) {
            ab[1].channel.send(PlaceWire.MESSAGE, truncated);
            assertEquals(ErrorCode.ERR_REQUEST_INVALID, ab[1].awaitClosed());
            assertTrue(log.has(Level.WARN, "bob", "malformed MESSAGE"), log.messages(Level.WARN).toString());
        }
        assertEquals(ab[1].memberId, ab[0].next(PeerPart.class).memberId());
        assertNothingElseArrived(ab[0]);
        PlaceSession carol = PlaceSession.open(fx.login("carol"), "lunch", "Lunch talk");
        assertEquals(2, carol.join().members().size(), "the place still takes members");
    }

    @Test
    void aMessageOfAnotherKindThanTextClosesThatChannel() throws IOException {
        start(TestConfigs.defaults());
        PlaceSession[] ab = aliceAndBob();
        byte[] typing = new WireWriter().u32(Room.SECTION_ID)
                .opq(new WireWriter().u32(2).u32(1).u32(0).opq(null).toByteArray()).toByteArray();
        ab[1].channel.send(PlaceWire.MESSAGE, typing);
        assertEquals(ErrorCode.ERR_REQUEST_INVALID, ab[1].awaitClosed());
        assertEquals(ab[1].memberId, ab[0].next(PeerPart.class).memberId());
    }

    @Test
    void aSecondJoinAListBeforeJoinAndAnUnknownMessageTypeEachCloseTheirChannel() throws IOException {
        start(TestConfigs.defaults());
        PlaceSession alice = PlaceSession.enter(fx.login("alice"), "lunch", "Lunch talk");
        alice.channel.send(PlaceWire.JOIN_PLACE, PlaceWire.joinPlace());
        assertEquals(ErrorCode.ERR_REQUEST_INVALID, alice.awaitClosed());

        PlaceSession bob = PlaceSession.open(fx.login("bob"), "lunch", "Lunch talk");
        bob.channel.send(PlaceWire.SECTION, PlaceWire.listRequest(Room.SECTION_ID, 1));
        assertEquals(ErrorCode.ERR_REQUEST_INVALID, bob.awaitClosed());

        PlaceSession carol = PlaceSession.enter(fx.login("carol"), "lunch", "Lunch talk");
        carol.channel.send(0x0777, new byte[0]);
        assertEquals(ErrorCode.ERR_REQUEST_INVALID, carol.awaitClosed());
    }

    @Test
    void aFullPlaceRefusesOneMore() throws IOException {
        start(TestConfigs.places(256, 256, 1));
        PlaceSession alice = PlaceSession.enter(fx.login("alice"), "lunch", "Lunch talk");
        Clients bob = fx.login("bob");
        assertEquals(ErrorCode.SERVER_FULL, assertThrows(ChannelRefusedException.class,
                () -> PlaceSession.open(bob, "lunch", "Lunch talk")).reason());
        assertNothingElseArrived(alice);
        PlaceSession.enter(bob, "other", "Another place");
    }

    @Test
    void setAttrAndOldInviteAreIgnoredAndTheChannelStays() throws IOException {
        start(TestConfigs.defaults());
        PlaceSession alice = PlaceSession.enter(fx.login("alice"), "lunch", "Lunch talk");
        try (LogCapture log = new LogCapture(Room.class)) {
            alice.channel.send(PlaceWire.SET_ATTR, new byte[0]); // Meanwhile 1.1.1's empty SET_ATTR
            alice.channel.send(PlaceWire.OLD_INVITE, PlaceWire.oldInvite("bob", "join us"));
            assertNothingElseArrived(alice);
            assertTrue(log.has(Level.INFO, "alice", "'bob'", "not supported"), log.messages(Level.INFO).toString());
        }
    }
}
