package org.openst.places.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openst.client.ClientOptions;
import org.openst.client.EventCollector;
import org.openst.client.SametimeClient;
import org.openst.hub.core.Clients;
import org.openst.places.service.PlaceWire.JoinResponse;
import org.openst.places.service.PlaceWire.Member;
import org.openst.places.service.PlaceWire.Message;
import org.openst.places.service.PlaceWire.PeerJoin;
import org.openst.places.service.PlaceWire.PeerPart;
import org.openst.places.service.PlaceWire.SectionList;
import org.openst.protocol.ChannelAccept;
import org.openst.protocol.ChannelCreate;
import org.openst.protocol.ChannelSend;
import org.openst.protocol.EncryptItem;
import org.openst.protocol.EncryptOffer;
import org.openst.protocol.EncryptPolicy;
import org.openst.protocol.IdBlock;
import org.openst.protocol.LoginInfo;

/** Entering places and chatting in them, end to end, checked field by field as Meanwhile reads them. */
class PlaceChatTest {
    PlacesFixture fx;

    @BeforeEach
    void start() throws IOException {
        fx = new PlacesFixture();
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    /** The member record other clients must see for a login: the hub's view, community empty (spec §5.9). */
    Member expectedMember(PlaceSession s) {
        LoginInfo li = fx.hub.community().login(s.who.client().loginInfo().loginId()).orElseThrow().loginInfo();
        return new Member(s.memberId, 1, li.userId(), "", li.loginId(), li.userName(), li.loginType());
    }

    @Test
    void twoUsersEnterAPlaceAndBothSeeEveryMessageIncludingTheirOwn() throws IOException {
        PlaceSession alice = PlaceSession.enter(fx.login("alice"), "lunch", "Lunch talk");
        PlaceSession bob = PlaceSession.enter(fx.login("bob"), "lunch", "Bob's title");
        assertEquals(expectedMember(bob), alice.next(PeerJoin.class).member());

        alice.say("hello bob");
        Message fromAlice = new Message(alice.memberId, Room.SECTION_ID, PlaceWire.textPayload("hello bob"), "hello bob");
        assertEquals(fromAlice, alice.next(Message.class), "the sender gets its own message back (Pidgin shows only that)");
        assertEquals(fromAlice, bob.next(Message.class));

        bob.say("hi alice, ünïcödé");
        Message fromBob = new Message(bob.memberId, Room.SECTION_ID, PlaceWire.textPayload("hi alice, ünïcödé"),
                "hi alice, ünïcödé");
        assertEquals(fromBob, bob.next(Message.class));
        assertEquals(fromBob, alice.next(Message.class));
    }

    @Test
    void joinResponseAndInfoCarryAMemberIdASectionAndTheTitle() throws IOException {
        PlaceSession alice = PlaceSession.open(fx.login("alice"), "lunch", "Lunch talk");
        alice.channel.send(PlaceWire.JOIN_PLACE, PlaceWire.joinPlace());
        JoinResponse response = alice.next(JoinResponse.class);
        assertNotEquals(0, response.memberId());
        assertNotEquals(0, response.section(), "Meanwhile ignores PEER JOINs of section 0");
        assertEquals(new PlaceWire.Info(0, "Lunch talk"), alice.next(PlaceWire.Info.class), "place info is section 0");
    }

    @Test
    void memberListHoldsEveryMemberWithTheFieldsMeanwhileReads() throws IOException {
        PlaceSession alice = PlaceSession.open(fx.login("alice"), "lunch", "Lunch talk");
        SectionList first = alice.join();
        assertEquals(new SectionList(alice.section, List.of(expectedMember(alice))), first);

        PlaceSession bob = PlaceSession.open(fx.login("bob"), "lunch", "Lunch talk");
        SectionList second = bob.join();
        assertEquals(bob.section, second.section(), "Meanwhile ignores a LIST of another section");
        assertEquals(List.of(expectedMember(alice), expectedMember(bob)), second.members());
        assertNotEquals(alice.memberId, bob.memberId);
    }

    @Test
    void othersSeePeerJoinAndPeerPart() throws IOException {
        PlaceSession alice = PlaceSession.enter(fx.login("alice"), "lunch", "Lunch talk");
        PlaceSession bob = PlaceSession.enter(fx.login("bob"), "lunch", "Lunch talk");
        PlaceSession carol = PlaceSession.enter(fx.login("carol"), "lunch", "Lunch talk");
        assertEquals(new PeerJoin(Room.SECTION_ID, expectedMember(bob)), alice.next(PeerJoin.class));
        assertEquals(new PeerJoin(Room.SECTION_ID, expectedMember(carol)), alice.next(PeerJoin.class));
        assertEquals(new PeerJoin(Room.SECTION_ID, expectedMember(carol)), bob.next(PeerJoin.class));

        bob.channel.close(0, "Leaving".getBytes()); // Meanwhile leaves by destroying the channel
        assertEquals(new PeerPart(Room.SECTION_ID, bob.memberId), alice.next(PeerPart.class));
        assertEquals(new PeerPart(Room.SECTION_ID, bob.memberId), carol.next(PeerPart.class));

        carol.who.client().logout(); // a logout leaves every place
        assertEquals(new PeerPart(Room.SECTION_ID, carol.memberId), alice.next(PeerPart.class));
        alice.say("alone");
        assertEquals("alone", alice.next(Message.class).text(), "nothing else came in between");
    }

    @Test
    void placesAreIndependent() throws IOException {
        PlaceSession alice = PlaceSession.enter(fx.login("alice"), "lunch", "Lunch talk");
        PlaceSession bob = PlaceSession.enter(fx.login("bob"), "sales", "Sales");
        bob.say("sales only");
        assertEquals("sales only", bob.next(Message.class).text());
        alice.say("lunch only");
        assertEquals("lunch only", alice.next(Message.class).text(), "alice saw nothing of place 'sales'");
        PlaceSession carol = PlaceSession.open(fx.login("carol"), "sales", "");
        SectionList sales = carol.join();
        assertEquals(List.of(expectedMember(bob), expectedMember(carol)), sales.members());
    }

    @Test
    void aUserInThePlaceTwiceIsTwoMembersAndGetsEachMessageOnBothChannels() throws IOException {
        Clients alice = fx.login("alice");
        PlaceSession first = PlaceSession.enter(alice, "lunch", "Lunch talk");
        PlaceSession second = PlaceSession.enter(alice, "lunch", "Lunch talk");
        assertEquals(second.memberId, first.next(PeerJoin.class).member().memberId());
        first.say("echo");
        assertEquals("echo", first.next(Message.class).text());
        assertEquals(first.memberId, second.next(Message.class).senderId());
    }

    /** Meanwhile offers both ciphers on place channels (spec §5.6); spec §10 row 19: accept without one. */
    @Test
    void meanwhilesCipherOfferIsAcceptedWithoutACipher() throws Exception {
        BlockingQueue<org.openst.protocol.Message> received = new LinkedBlockingQueue<>();
        EventCollector events = new EventCollector() {
            @Override
            public void messageReceived(org.openst.protocol.Message message) {
                received.add(message);
            }
        };
        SametimeClient client = SametimeClient.connect("127.0.0.1", fx.hub.port(),
                ClientOptions.builder().listener(events).build());
        try {
            client.login("alice", "alice-pw");
            int id = 0x40;
            EncryptOffer offer = new EncryptOffer(EncryptPolicy.WHATEVER,
                    List.of(EncryptItem.rc2_40(), EncryptItem.rc2_128(new byte[64])), EncryptPolicy.WHATEVER, false);
            client.sendRaw(new ChannelCreate(0, id, IdBlock.empty(), PlaceWire.SERVICE, 0, 5, 0,
                    PlaceWire.createData("lunch", "Lunch talk"), null, offer));
            ChannelAccept accept = awaitOn(received, ChannelAccept.class, id);
            assertEquals(EncryptPolicy.NONE, accept.encrypt().mode());
            assertNull(accept.encrypt().item(), "no cipher chosen: Meanwhile then sends place messages in clear");

            client.sendRaw(ChannelSend.plain(id, PlaceWire.JOIN_PLACE, PlaceWire.joinPlace()));
            ChannelSend response = awaitOn(received, ChannelSend.class, id);
            assertFalse(response.encrypted());
            assertEquals(PlaceWire.JOIN_RESPONSE, response.msgType());
            assertArrayEquals(PlaceMessages.joinResponse(1, Room.SECTION_ID), response.data());
        } finally {
            client.close();
        }
    }

    private static <T> T awaitOn(BlockingQueue<org.openst.protocol.Message> queue, Class<T> type, int channel)
            throws InterruptedException {
        long deadline = System.nanoTime() + Clients.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            org.openst.protocol.Message m = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (type.isInstance(m) && m.channel() == channel) {
                return type.cast(m);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " on channel " + channel);
    }
}
