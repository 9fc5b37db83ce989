package org.openst.conference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openst.client.ChannelMessage;
import org.openst.client.ChannelRefusedException;
import org.openst.client.IncomingChannel;
import org.openst.client.ServiceChannelHandle;
import org.openst.hub.core.Awaits;
import org.openst.hub.core.Clients;
import org.openst.hub.core.TestHub;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.PrivacyUser;
import org.openst.protocol.WireWriter;
import org.openst.storage.api.ChatEntry;

/** The conference service end to end: a real hub and Java clients speaking spec §6.3 on the wire. */
class ConferenceServiceTest {

    private static final Duration WAIT = Clients.WAIT;
    private static final byte[] LEAVING = "Leaving".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DECLINED = "Declined".getBytes(StandardCharsets.US_ASCII);

    private TestHub hub;
    private ConferenceService service;
    private final List<Clients> clients = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        hub = new TestHub();
        service = new ConferenceService(hub.community(), TestConfig.defaults());
        hub.addService(service);
    }

    @AfterEach
    void stop() {
        clients.forEach(Clients::close);
        hub.removeService(service);
        service.deactivate();
        hub.close();
    }

    // ---------------------------------------------------------------- helpers

    private Clients login(String user) throws IOException {
        Clients c = Clients.login(hub, user, user + "-pw");
        clients.add(c);
        return c;
    }

    private static ServiceChannelHandle create(Clients c, String name, String title) throws IOException {
        return c.client().openServiceChannel(ConfWire.SERVICE, ConfWire.PROTO_TYPE, ConfWire.PROTO_VERSION,
                ConfWire.create(name, title));
    }

    /** What Meanwhile's mwConference_accept does: CHANNEL_ACCEPT, then an empty JOIN. */
    private static ServiceChannelHandle acceptAndJoin(Clients c) throws IOException {
        ServiceChannelHandle h = c.events().awaitServerChannel(WAIT).accept(null);
        h.send(ConfWire.JOIN, new byte[0]);
        return h;
    }

    private static ChannelMessage next(ServiceChannelHandle h) throws IOException {
        return h.receive(WAIT);
    }

    private static void say(ServiceChannelHandle h, String text) throws IOException {
        h.send(ConfWire.MESSAGE, ConfWire.text(text));
    }

    /** The next message is the echo of {@code text}: proves nothing else arrived before it. */
    private static void expectText(ServiceChannelHandle h, int sender, String text) throws IOException {
        ConfWire.Message m = ConfWire.message(next(h));
        assertEquals(sender, m.sender());
        assertArrayEquals(ConfWire.text(text), m.payload());
    }

    // ---------------------------------------------------------------- creating (§6.3.1)

    @Test
    void createIsAcceptedWithoutCipherAndWelcomesTheCreatorAlone() throws IOException {
        Clients alice = login("alice");
        ServiceChannelHandle a = create(alice, "alice(5f00aa00,1234)", "Lunch");

        assertEquals(0, a.acceptData().length, "empty accept addtl");
        ConfWire.Welcome w = ConfWire.welcome(next(a));
        assertEquals("alice(5f00aa00,1234)", w.name());
        assertEquals("Lunch", w.title());
        assertEquals(1, w.members().size());
        assertEquals(w.self(), w.members().get(0).id(), "the u16 is the recipient's own member ID");
        assertEquals(alice.client().loginInfo().loginId(), w.members().get(0).info().loginId());
        assertEquals("alice", w.members().get(0).info().userId());
        assertEquals(1, service.conferenceCount());
    }

    @Test
    void createNamingAnExistingConferenceJoinsIt() throws IOException {
        ServiceChannelHandle a = create(login("alice"), "room", "First title");
        ConfWire.Welcome wa = ConfWire.welcome(next(a));

        ServiceChannelHandle b = create(login("bob"), "room", "Other title");
        ConfWire.Welcome wb = ConfWire.welcome(next(b));
        assertEquals("First title", wb.title(), "the existing conference keeps its title");
        assertEquals(List.of("alice", "bob"), wb.userIds());
        ConfWire.Join j = ConfWire.join(next(a));
        assertEquals(wb.self(), j.id());
        assertEquals("bob", j.info().userId());
        assertTrue(wb.self() != wa.self(), "member IDs are unique in a conference");
        assertEquals(1, service.conferenceCount());
    }

    @Test
    void tooLongNameIsRefused() throws IOException {
        Clients alice = login("alice");
        ChannelRefusedException e = assertThrows(ChannelRefusedException.class,
                () -> create(alice, "n".repeat(ConferenceService.DEFAULT_MAX_NAME_LENGTH + 1), "t"));
        assertEquals(ErrorCode.ERR_REQUEST_INVALID, e.reason());
        assertEquals(0, service.conferenceCount());
        // The limit counts characters, not bytes: 256 two-byte characters are fine.
        ServiceChannelHandle ok = create(alice, "é".repeat(ConferenceService.DEFAULT_MAX_NAME_LENGTH), "t");
        ConfWire.welcome(next(ok));
    }

    @Test
    void tooLongTitleIsRefusedWithTheConfiguredLimit() throws IOException {
        hub.removeService(service);
        service = new ConferenceService(hub.community(), TestConfig.config(10, 5));
        hub.addService(service);
        Clients alice = login("alice");
        assertEquals(ErrorCode.ERR_REQUEST_INVALID,
                assertThrows(ChannelRefusedException.class, () -> create(alice, "room", "123456")).reason());
        assertEquals(ErrorCode.ERR_REQUEST_INVALID,
                assertThrows(ChannelRefusedException.class, () -> create(alice, "12345678901", "t")).reason());
        assertEquals(0, service.conferenceCount());
    }

    @Test
    void badCreationsAreRefused() throws IOException {
        Clients alice = login("alice");
        assertEquals(ErrorCode.ERR_PROTOCOL_NO_SUPPORT, assertThrows(ChannelRefusedException.class,
                () -> alice.client().openServiceChannel(ConfWire.SERVICE, 0x11, 2, ConfWire.create("x", "y"))).reason());
        assertEquals(ErrorCode.ERR_REQUEST_INVALID, assertThrows(ChannelRefusedException.class,
                () -> alice.client().openServiceChannel(ConfWire.SERVICE, 0x10, 2, new byte[] {0, 5, 'a'})).reason());
        assertEquals(ErrorCode.ERR_REQUEST_INVALID, assertThrows(ChannelRefusedException.class,
                () -> create(alice, "", "no name")).reason());
        assertEquals(0, service.conferenceCount());
    }

    // ---------------------------------------------------------------- the whole story (§8.2 #33-#38)

    @Test
    void threePartyConference() throws IOException {
        Clients alice = login("alice");
        Clients bob = login("bob");
        Clients carol = login("carol");
        ServiceChannelHandle a = create(alice, "room", "Topic");
        int aliceId = ConfWire.welcome(next(a)).self();

        // Alice invites Bob: a server channel with Alice as creator and the invitation Meanwhile reads.
        a.send(ConfWire.INVITE, ConfWire.invite("bob", "join us"));
        IncomingChannel inv = bob.events().awaitServerChannel(WAIT);
        assertEquals(ConfWire.SERVICE, inv.service());
        assertEquals(ConfWire.PROTO_TYPE, inv.protoType());
        assertEquals(ConfWire.PROTO_VERSION, inv.protoVersion());
        assertTrue(inv.channelId() < 0, "server channel IDs have bit 31 set");
        assertEquals(0, inv.offer().mode(), "conferences are never encrypted");
        assertEquals("alice", inv.creator().userId());
        assertEquals(alice.client().loginInfo().loginId(), inv.creator().loginId());
        ConfWire.Invitation invitation = ConfWire.invitation(inv.createData());
        assertEquals("room", invitation.name());
        assertEquals("Topic", invitation.title());
        assertEquals("alice", invitation.inviter().userId());
        assertEquals("join us", invitation.text());

        ServiceChannelHandle b = inv.accept(null);
        b.send(ConfWire.JOIN, new byte[0]);
        ConfWire.Welcome wb = ConfWire.welcome(next(b));
        assertEquals("room", wb.name());
        assertEquals("Topic", wb.title());
        assertEquals(List.of("alice", "bob"), wb.userIds());
        int bobId = wb.self();
        assertEquals(aliceId, wb.members().get(0).id());
        assertEquals(bobId, wb.members().get(1).id());
        ConfWire.Join joinedBob = ConfWire.join(next(a));
        assertEquals(bobId, joinedBob.id());
        assertEquals(bob.client().loginInfo().loginId(), joinedBob.info().loginId());

        a.send(ConfWire.INVITE, ConfWire.invite("carol", "you too"));
        ServiceChannelHandle c = acceptAndJoin(carol);
        ConfWire.Welcome wc = ConfWire.welcome(next(c));
        assertEquals(List.of("alice", "bob", "carol"), wc.userIds());
        int carolId = wc.self();
        assertEquals(carolId, ConfWire.join(next(a)).id());
        assertEquals(carolId, ConfWire.join(next(b)).id());

        // Everyone, the sender included, gets each message with the sender's payload unchanged.
        say(a, "hello all");
        for (ServiceChannelHandle h : List.of(a, b, c)) {
            expectText(h, aliceId, "hello all");
        }
        say(c, "hi alice");
        for (ServiceChannelHandle h : List.of(a, b, c)) {
            expectText(h, carolId, "hi alice");
        }

        // Bob leaves as Pidgin does (§6.3.5).
        b.close(0, LEAVING);
        assertEquals(bobId, ConfWire.part(next(a)));
        assertEquals(bobId, ConfWire.part(next(c)));
        say(a, "bye bob");
        expectText(a, aliceId, "bye bob");
        expectText(c, aliceId, "bye bob");

        // The creator leaving does not end the conference for the others.
        a.close(0, LEAVING);
        assertEquals(aliceId, ConfWire.part(next(c)));
        say(c, "alone");
        expectText(c, carolId, "alone");

        // The last member ends it; the name then starts a fresh conference.
        c.close(0, LEAVING);
        Awaits.until(() -> service.conferenceCount() == 0, "conference ended");
        ServiceChannelHandle again = create(bob, "room", "New topic");
        ConfWire.Welcome fresh = ConfWire.welcome(next(again));
        assertEquals("New topic", fresh.title());
        assertEquals(List.of("bob"), fresh.userIds());
    }

    @Test
    void declineTellsTheMembersNothing() throws IOException {
        Clients bob = login("bob");
        ServiceChannelHandle a = create(login("alice"), "room", "t");
        int aliceId = ConfWire.welcome(next(a)).self();
        a.send(ConfWire.INVITE, ConfWire.invite("bob", "come"));
        bob.events().awaitServerChannel(WAIT).refuse(0, DECLINED);

        Awaits.until(() -> service.conference("room").invitationCount() == 0, "invitation dropped");
        say(a, "marker");
        expectText(a, aliceId, "marker");
        assertEquals(List.of("alice"), memberIds("room"));
    }

    @Test
    void loginGoneIsAPart() throws IOException {
        Clients bob = login("bob");
        ServiceChannelHandle a = create(login("alice"), "room", "t");
        ConfWire.welcome(next(a));
        a.send(ConfWire.INVITE, ConfWire.invite("bob", ""));
        int bobId = ConfWire.welcome(next(acceptAndJoin(bob))).self();
        ConfWire.join(next(a));

        bob.close();
        assertEquals(bobId, ConfWire.part(next(a)));
    }

    @Test
    void openInvitationsAreWithdrawnWhenTheConferenceEnds() throws IOException {
        Clients bob = login("bob");
        ServiceChannelHandle a = create(login("alice"), "room", "t");
        ConfWire.welcome(next(a));
        a.send(ConfWire.INVITE, ConfWire.invite("bob", ""));
        ServiceChannelHandle b = bob.events().awaitServerChannel(WAIT).accept(null); // accepted, not joined yet

        a.close(0, LEAVING);
        assertEquals(0, b.awaitClosed(WAIT));
        Awaits.until(() -> service.conferenceCount() == 0, "conference ended");
    }

    // ---------------------------------------------------------------- invitations that fail

    @Test
    void invitingAnOfflineOrUnknownUserFailsClearlyAndChangesNothing() throws IOException {
        ServiceChannelHandle a = create(login("alice"), "room", "t");
        int aliceId = ConfWire.welcome(next(a)).self();

        a.send(ConfWire.INVITE, ConfWire.invite("carol", "not logged in"));
        ConfWire.InviteFailed f = ConfWire.inviteFailed(next(a));
        assertEquals("carol", f.invitee().user());
        assertEquals(ErrorCode.ERR_NO_USER, f.reason());

        a.send(ConfWire.INVITE, ConfWire.invite("nobody", "unknown"));
        f = ConfWire.inviteFailed(next(a));
        assertEquals("nobody", f.invitee().user());
        assertEquals(ErrorCode.ERR_NO_USER, f.reason());

        say(a, "still here");
        expectText(a, aliceId, "still here");
        assertEquals(0, service.conference("room").invitationCount());
        assertTrue(a.isOpen());
    }

    @Test
    void invitingAUserWhoBlocksTheInviterFails() throws IOException {
        Clients bob = login("bob");
        bob.client().setPrivacy(new PrivacyInfo(true, List.of(PrivacyUser.of("alice"))));
        Awaits.until(() -> !hub.community().loginsOf("bob").get(0).privacy().users().isEmpty(), "bob's list set");
        ServiceChannelHandle a = create(login("alice"), "room", "t");
        int aliceId = ConfWire.welcome(next(a)).self();

        a.send(ConfWire.INVITE, ConfWire.invite("bob", "let me in"));
        ConfWire.InviteFailed f = ConfWire.inviteFailed(next(a));
        assertEquals("bob", f.invitee().user());
        assertEquals(ErrorCode.ERR_NOT_AUTHORIZED, f.reason());

        say(a, "marker");
        expectText(a, aliceId, "marker");
        assertTrue(bob.events().isEmpty(), "bob was not invited");
        assertEquals(0, service.conference("room").invitationCount());
    }

    @Test
    void aSecondInvitationToTheSameLoginIsDropped() throws IOException {
        Clients bob = login("bob");
        ServiceChannelHandle a = create(login("alice"), "room", "t");
        ConfWire.welcome(next(a));
        a.send(ConfWire.INVITE, ConfWire.invite("bob", "one"));
        a.send(ConfWire.INVITE, ConfWire.invite("bob", "two"));
        bob.events().awaitServerChannel(WAIT);
        Awaits.until(() -> service.conference("room").invitationCount() == 1, "one invitation");
        say(a, "marker");
        ConfWire.message(next(a));
        assertTrue(bob.events().isEmpty(), "no second invitation");
    }

    // ---------------------------------------------------------------- bad input: that channel only

    @Test
    void aMessageBeforeJoiningClosesThatChannelOnly() throws IOException {
        Clients bob = login("bob");
        ServiceChannelHandle a = create(login("alice"), "room", "t");
        int aliceId = ConfWire.welcome(next(a)).self();
        a.send(ConfWire.INVITE, ConfWire.invite("bob", ""));
        ServiceChannelHandle b = bob.events().awaitServerChannel(WAIT).accept(null);

        b.send(ConfWire.MESSAGE, ConfWire.text("sneaky"));
        assertEquals(ErrorCode.ERR_NOT_AUTHORIZED, b.awaitClosed(WAIT));

        say(a, "marker");
        expectText(a, aliceId, "marker"); // no JOIN, no PART, no sneaky text
        assertEquals(List.of("alice"), memberIds("room"));
        assertEquals(0, service.conference("room").invitationCount());
        assertTrue(bob.client().isConnected());
    }

    @Test
    void malformedInputClosesTheSendersChannelAndTheOthersSeeAPart() throws IOException {
        Clients bob = login("bob");
        Clients carol = login("carol");
        ServiceChannelHandle a = create(login("alice"), "room", "t");
        int aliceId = ConfWire.welcome(next(a)).self();
        ServiceChannelHandle b = create(bob, "room", "t");
        int bobId = ConfWire.welcome(next(b)).self();
        ConfWire.join(next(a));

        // A truncated INVITE (the IdBlock alone).
        b.send(ConfWire.INVITE, new WireWriter().str("carol").str("").toByteArray());
        assertEquals(ErrorCode.ERR_REQUEST_INVALID, b.awaitClosed(WAIT));
        assertEquals(bobId, ConfWire.part(next(a)));
        assertTrue(carol.events().isEmpty(), "nobody was invited");

        // A MESSAGE of an unknown kind.
        ServiceChannelHandle c = create(carol, "room", "t");
        int carolId = ConfWire.welcome(next(c)).self();
        ConfWire.join(next(a));
        c.send(ConfWire.MESSAGE, new WireWriter().u32(7).str("what").toByteArray());
        assertEquals(ErrorCode.ERR_REQUEST_INVALID, c.awaitClosed(WAIT));
        assertEquals(carolId, ConfWire.part(next(a)));

        // A message type clients never send (PART).
        ServiceChannelHandle c2 = create(carol, "room", "t");
        int carol2 = ConfWire.welcome(next(c2)).self();
        ConfWire.join(next(a));
        c2.send(ConfWire.PART, new byte[] {0, 1});
        assertEquals(ErrorCode.ERR_REQUEST_INVALID, c2.awaitClosed(WAIT));
        assertEquals(carol2, ConfWire.part(next(a)));

        // A truncated text.
        ServiceChannelHandle c3 = create(carol, "room", "t");
        int carol3 = ConfWire.welcome(next(c3)).self();
        ConfWire.join(next(a));
        c3.send(ConfWire.MESSAGE, new WireWriter().u32(1).u16(40).toByteArray());
        assertEquals(ErrorCode.ERR_REQUEST_INVALID, c3.awaitClosed(WAIT));
        assertEquals(carol3, ConfWire.part(next(a)));

        say(a, "still fine");
        expectText(a, aliceId, "still fine");
    }

    @Test
    void anEmptyMessageIsIgnored() throws IOException {
        ServiceChannelHandle a = create(login("alice"), "room", "t");
        int aliceId = ConfWire.welcome(next(a)).self();
        a.send(ConfWire.MESSAGE, new byte[0]);
        say(a, "marker");
        expectText(a, aliceId, "marker");
    }

    // ---------------------------------------------------------------- typing and the chat log

    @Test
    void typingIsBroadcastToAllButNotLogged() throws IOException {
        TestChatLog log = new TestChatLog();
        service.bindChatLog(log);
        Clients bob = login("bob");
        ServiceChannelHandle a = create(login("alice"), "room", "t");
        int aliceId = ConfWire.welcome(next(a)).self();
        a.send(ConfWire.INVITE, ConfWire.invite("bob", ""));
        ServiceChannelHandle b = acceptAndJoin(bob);
        int bobId = ConfWire.welcome(next(b)).self();
        ConfWire.join(next(a));

        b.send(ConfWire.MESSAGE, ConfWire.typing(true));
        for (ServiceChannelHandle h : List.of(a, b)) {
            ConfWire.Message m = ConfWire.message(next(h));
            assertEquals(bobId, m.sender());
            assertArrayEquals(ConfWire.typing(true), m.payload());
        }
        say(a, "after typing");
        expectText(a, aliceId, "after typing");
        expectText(b, aliceId, "after typing");

        assertEquals(1, log.entries.size(), "only the text is logged: " + log.entries);
        assertEquals("after typing", log.entries.get(0).text());
    }

    @Test
    void textsGoToTheChatLogWhenOneIsBoundAndEnabled() throws IOException {
        TestChatLog log = new TestChatLog();
        ServiceChannelHandle a = create(login("alice"), "room", "t");
        int aliceId = ConfWire.welcome(next(a)).self();

        say(a, "before any log");
        expectText(a, aliceId, "before any log");
        service.bindChatLog(log);
        say(a, "logged");
        expectText(a, aliceId, "logged");
        log.enabled = false;
        say(a, "logging off");
        expectText(a, aliceId, "logging off");
        log.enabled = true;
        service.unbindChatLog(log);
        say(a, "unbound");
        expectText(a, aliceId, "unbound");

        assertEquals(1, log.entries.size(), "entries: " + log.entries);
        ChatEntry e = log.entries.get(0);
        assertEquals(ChatEntry.Kind.CONFERENCE, e.kind());
        assertEquals("room", e.conversationId());
        assertEquals("alice", e.fromUserId());
        assertEquals(hub.community().loginsOf("alice").get(0).userName(), e.fromName());
        assertEquals("", e.toUserId());
        assertEquals("text", e.format());
        assertEquals("logged", e.text());
    }

    // ---------------------------------------------------------------- the service going away

    @Test
    void removingTheServiceClosesEveryChannel() throws IOException {
        ServiceChannelHandle a = create(login("alice"), "room", "t");
        ConfWire.welcome(next(a));
        hub.removeService(service);
        assertEquals(ErrorCode.ERR_SERVICE_NO_SUPPORT, a.awaitClosed(WAIT));
        service.deactivate();
        assertEquals(0, service.conferenceCount());
        assertNull(service.conference("room"));
    }

    // ---------------------------------------------------------------- helpers

    private List<String> memberIds(String conference) {
        List<String> ids = new ArrayList<>();
        service.conference(conference).members().forEach(m -> ids.add(m.userId()));
        return ids;
    }
}
