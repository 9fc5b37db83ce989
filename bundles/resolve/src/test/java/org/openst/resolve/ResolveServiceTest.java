package org.openst.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openst.client.ChannelMessage;
import org.openst.client.ChannelRefusedException;
import org.openst.client.ServiceChannelHandle;
import org.openst.hub.core.Clients;
import org.openst.hub.core.TestHub;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.WireWriter;

/** The resolve service end to end: a real hub, the Java client on raw resolve channels (spec §6.5). */
class ResolveServiceTest {

    private static final int MSG = 0x0002;
    private static final int FIRST_USERS = ResolveFlags.FIRST | ResolveFlags.USERS;   // Pidgin's add buddy / search
    private static final int FIRST_GROUPS = ResolveFlags.FIRST | ResolveFlags.GROUPS; // Pidgin's add group

    private TestHub hub;
    private TestDirectory directory;
    private ResolveService service;
    private final List<Clients> clients = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        hub = new TestHub();
        directory = new TestDirectory()
                .user("alice2", "Alice Second", "")
                .user("alice", "Alice Example", "QA")
                .user("bob", "Bob Builder", "")
                .user("bobby", "Bobby Tables", "")
                .user("carol", "Carol Singer", "Sales")
                .group("friends", "Friends", "The demo users")
                .group("bob", "Bob's fan club", "");
    }

    @AfterEach
    void stop() {
        clients.forEach(Clients::close);
        if (service != null) {
            service.deactivate();
        }
        hub.close();
    }

    private ResolveService serve(ResolveService.Config config, TestDirectory d) {
        service = new ResolveService(config);
        if (d != null) {
            service.bindDirectory(d);
        }
        hub.addService(service);
        return service;
    }

    private ServiceChannelHandle channel(String user) throws IOException {
        Clients c = Clients.login(hub, user, user + "-pw");
        clients.add(c);
        return open(c);
    }

    private static ServiceChannelHandle open(Clients c) throws IOException {
        return c.client().openServiceChannel(0x15, 0x15, 0, new byte[0]);
    }

    private static Wire.Response ask(ServiceChannelHandle ch, int requestId, int flags, String... queries) throws IOException {
        ch.send(MSG, Wire.request(requestId, flags, queries));
        return next(ch);
    }

    private static Wire.Response next(ServiceChannelHandle ch) throws IOException {
        ChannelMessage m = ch.receive(Clients.WAIT);
        assertEquals(MSG, m.msgType());
        return Wire.response(m.data());
    }

    private static Wire.Result only(Wire.Response r) {
        assertEquals(1, r.results().size());
        return r.results().get(0);
    }

    @Test
    void exactUserIdComesFirstWithAllItsFields() throws IOException {
        serve(TestConfig.defaults(), directory);
        Wire.Response r = ask(channel("alice"), 7, FIRST_USERS, "alice");
        assertEquals(7, r.requestId());
        assertEquals(0, r.code());
        Wire.Result result = only(r);
        assertEquals(0, result.code());
        assertEquals("alice", result.name());
        assertEquals(new Wire.Match("alice", "Alice Example", "QA", 1), result.matches().get(0));
        assertEquals(List.of("alice", "alice2"), result.ids(), "the exact ID before the prefix match the directory listed first");
    }

    @Test
    void namesMatchIgnoringCase() throws IOException {
        serve(TestConfig.defaults(), directory);
        Wire.Result result = only(ask(channel("alice"), 1, FIRST_USERS, "CAROL"));
        assertEquals("CAROL", result.name(), "the query is echoed as sent");
        assertEquals(List.of("carol"), result.ids());
    }

    @Test
    void displayNameAndPrefixMatch() throws IOException {
        serve(TestConfig.defaults(), directory);
        ServiceChannelHandle ch = channel("alice");
        assertEquals(List.of("bob"), only(ask(ch, 1, FIRST_USERS, "bob builder")).ids());
        assertEquals(List.of("carol"), only(ask(ch, 2, FIRST_USERS, "Car")).ids());
        assertEquals(List.of("bob", "bobby"), only(ask(ch, 3, FIRST_USERS, "bo")).ids());
    }

    @Test
    void anUnknownNameIsSuccessWithNoMatches() throws IOException {
        serve(TestConfig.defaults(), directory);
        Wire.Response r = ask(channel("alice"), 1, FIRST_USERS, "nobody");
        assertEquals(0, r.code());
        assertEquals(new Wire.Result(0, "nobody", List.of()), only(r));
    }

    @Test
    void severalQueriesAreAnsweredInQueryOrder() throws IOException {
        serve(TestConfig.defaults(), directory);
        Wire.Response r = ask(channel("alice"), 9, FIRST_USERS, "carol", "nobody", "Alice Example", "bob");
        assertEquals(0, r.code());
        assertEquals(List.of("carol", "nobody", "Alice Example", "bob"), r.results().stream().map(Wire.Result::name).toList());
        assertEquals(List.of("carol"), r.results().get(0).ids());
        assertEquals(List.of(), r.results().get(1).ids());
        assertEquals(List.of("alice"), r.results().get(2).ids());
        assertEquals(List.of("bob", "bobby"), r.results().get(3).ids());
    }

    @Test
    void requestsOfOneChannelAreAnsweredInOrder() throws IOException {
        serve(TestConfig.config(50, 100, 4, 1000, 1000), directory);
        ServiceChannelHandle ch = channel("alice");
        for (int id = 1; id <= 30; id++) {
            ch.send(MSG, Wire.request(id, FIRST_USERS, id % 2 == 0 ? "alice" : "bob"));
        }
        for (int id = 1; id <= 30; id++) {
            Wire.Response r = next(ch);
            assertEquals(id, r.requestId());
            assertEquals(id % 2 == 0 ? "alice" : "bob", only(r).ids().get(0));
        }
    }

    @Test
    void uniqueWithSeveralMatchesIsMultipleWithoutCandidates() throws IOException {
        serve(TestConfig.defaults(), directory);
        ServiceChannelHandle ch = channel("alice");
        Wire.Response r = ask(ch, 1, ResolveFlags.UNIQUE | ResolveFlags.USERS, "ali");
        assertEquals(0x80020000, r.code());
        assertEquals(new Wire.Result(0x80020000, "ali", List.of()), only(r));

        Wire.Response exact = ask(ch, 2, ResolveFlags.UNIQUE | ResolveFlags.USERS, "bob");
        assertEquals(0, exact.code());
        assertEquals(List.of("bob"), only(exact).ids(), "an exact ID is unique even with prefix matches around it");

        Wire.Response mixed = ask(ch, 3, ResolveFlags.UNIQUE | ResolveFlags.USERS, "carol", "ali");
        assertEquals(0x00010000, mixed.code(), "PARTIAL: one result succeeded, one did not");
    }

    @Test
    void groupsFlagResolvesPublicGroups() throws IOException {
        serve(TestConfig.defaults(), directory);
        ServiceChannelHandle ch = channel("alice");
        Wire.Result groups = only(ask(ch, 1, FIRST_GROUPS, "friends"));
        assertEquals(List.of(new Wire.Match("friends", "Friends", "The demo users", 2)), groups.matches());

        assertEquals(List.of("bob", "bobby"), only(ask(ch, 2, FIRST_USERS, "bob")).ids(), "USERS alone: no groups");
        assertEquals(List.of("bob", "bobby"), only(ask(ch, 3, ResolveFlags.FIRST, "bob")).ids(), "neither flag means users");

        Wire.Result both = only(ask(ch, 4, ResolveFlags.USERS | ResolveFlags.GROUPS | ResolveFlags.ALL_DIRS, "bob"));
        assertEquals(List.of(new Wire.Match("bob", "Bob Builder", "", 1), new Wire.Match("bob", "Bob's fan club", "", 2),
                new Wire.Match("bobby", "Bobby Tables", "", 1)), both.matches(), "exact IDs first, users before groups");
    }

    @Test
    void matchesAreCappedByMaxMatches() throws IOException {
        serve(TestConfig.config(2, 100, 2, 1000, 1000), directory);
        ServiceChannelHandle ch = channel("alice");
        assertEquals(List.of("bob", "bobby"), only(ask(ch, 1, ResolveFlags.USERS | ResolveFlags.GROUPS, "b")).ids());
        assertEquals(List.of("bob", "bob"), only(ask(ch, 2, ResolveFlags.USERS | ResolveFlags.GROUPS, "bob")).ids(),
                "the exact user and group IDs survive the cap");
    }

    @Test
    void aBlankNameIsBadFormat() throws IOException {
        serve(TestConfig.defaults(), directory);
        Wire.Response r = ask(channel("alice"), 1, FIRST_USERS, "  ");
        assertEquals(0x80030000, r.code());
        assertEquals(new Wire.Result(0x80030000, "  ", List.of()), only(r));
    }

    @Test
    void withoutDirectoryEveryQueryFailsInsteadOfHanging() throws IOException {
        serve(TestConfig.defaults(), null);
        ServiceChannelHandle ch = channel("alice");
        Wire.Response r = ask(ch, 1, FIRST_USERS, "alice", "bob");
        assertEquals(ErrorCode.ERR_FAILURE, r.code());
        assertEquals(List.of(new Wire.Result(ErrorCode.ERR_FAILURE, "alice", List.of()),
                new Wire.Result(ErrorCode.ERR_FAILURE, "bob", List.of())), r.results());

        service.bindDirectory(directory); // a directory arrives at run time
        assertEquals(List.of("alice", "alice2"), only(ask(ch, 2, FIRST_USERS, "alice")).ids());
        service.unbindDirectory(directory);
        assertEquals(ErrorCode.ERR_FAILURE, ask(ch, 3, FIRST_USERS, "alice").code());
    }

    @Test
    void aHigherRankedDirectoryReplacesTheOldOneInEitherOrder() throws IOException {
        serve(TestConfig.defaults(), directory);
        TestDirectory better = new TestDirectory().user("zoe", "Zoe", "");
        service.bindDirectory(better);     // greedy: DS binds the new one first...
        service.unbindDirectory(directory); // ...then unbinds the old one, which must not clear the new one
        assertEquals(List.of("zoe"), only(ask(channel("alice"), 1, FIRST_USERS, "zoe")).ids());
    }

    @Test
    void aFailingDirectoryGivesFailureResults() throws IOException {
        serve(TestConfig.defaults(), new TestDirectory().failing(new IllegalStateException("LDAP down")));
        Wire.Response r = ask(channel("alice"), 1, FIRST_USERS, "alice");
        assertEquals(ErrorCode.ERR_FAILURE, r.code());
        assertEquals(ErrorCode.ERR_FAILURE, only(r).code());
    }

    @Test
    void aTruncatedRequestClosesOnlyThatChannel() throws IOException {
        serve(TestConfig.defaults(), directory);
        ServiceChannelHandle bad = channel("alice");
        ServiceChannelHandle good = channel("bob");
        byte[] full = Wire.request(1, FIRST_USERS, "alice");
        bad.send(MSG, java.util.Arrays.copyOf(full, full.length - 2));
        assertEquals(ErrorCode.ERR_REQUEST_INVALID, bad.awaitClosed(Clients.WAIT));
        assertEquals(List.of("alice", "alice2"), only(ask(good, 2, FIRST_USERS, "alice")).ids());
        assertTrue(clients.get(0).client().isConnected(), "the client stays logged in");
    }

    @Test
    void aHugeCountClosesTheChannelBeforeAnyAllocation() throws IOException {
        serve(TestConfig.defaults(), directory);
        ServiceChannelHandle ch = channel("alice");
        ch.send(MSG, new WireWriter().u32(0).u32(1).u32(0xFFFFFFFF).u32(0).toByteArray());
        assertEquals(ErrorCode.ERR_REQUEST_INVALID, ch.awaitClosed(Clients.WAIT));
    }

    @Test
    void moreQueriesThanAllowedCloseTheChannel() throws IOException {
        serve(TestConfig.config(50, 2, 2, 1000, 1000), directory);
        ServiceChannelHandle ch = channel("alice");
        assertEquals(2, ask(ch, 1, FIRST_USERS, "a", "b").results().size());
        ch.send(MSG, Wire.request(2, FIRST_USERS, "a", "b", "c"));
        assertEquals(ErrorCode.ERR_REQUEST_INVALID, ch.awaitClosed(Clients.WAIT));
    }

    @Test
    void anUnknownMessageTypeClosesTheChannel() throws IOException {
        serve(TestConfig.defaults(), directory);
        ServiceChannelHandle ch = channel("alice");
        ch.send(0x0001, Wire.request(1, FIRST_USERS, "alice"));
        assertEquals(ErrorCode.ERR_REQUEST_INVALID, ch.awaitClosed(Clients.WAIT));
    }

    @Test
    void aWrongProtocolTypeIsRefused() throws IOException {
        serve(TestConfig.defaults(), directory);
        Clients c = Clients.login(hub, "alice", "alice-pw");
        clients.add(c);
        ChannelRefusedException e = assertThrows(ChannelRefusedException.class,
                () -> c.client().openServiceChannel(0x15, 0x99, 0, new byte[0]));
        assertEquals(ErrorCode.ERR_PROTOCOL_NO_SUPPORT, e.reason());
    }

    @Test
    void whenWorkersAndQueueAreFullRequestsAreAnsweredBusy() throws Exception {
        TestDirectory slow = new TestDirectory().user("alice", "Alice", "").gated();
        serve(TestConfig.config(50, 100, 1, 1, 1000), slow);
        // Three channels of one connection: the hub hands their messages to the service in order.
        ServiceChannelHandle a = channel("alice");
        ServiceChannelHandle b = open(clients.get(0));
        ServiceChannelHandle c = open(clients.get(0));
        a.send(MSG, Wire.request(1, FIRST_USERS, "alice"));
        assertTrue(slow.entered.await(10, TimeUnit.SECONDS), "the one worker is busy with alice's request");
        b.send(MSG, Wire.request(2, FIRST_USERS, "alice")); // waits in the queue of one
        Wire.Response busy = ask(c, 3, FIRST_USERS, "alice", "bob");
        assertEquals(ErrorCode.ERR_STARVING, busy.code());
        assertEquals(List.of(new Wire.Result(ErrorCode.ERR_STARVING, "alice", List.of()),
                new Wire.Result(ErrorCode.ERR_STARVING, "bob", List.of())), busy.results());

        slow.open();
        assertEquals(List.of("alice"), only(next(a)).ids());
        assertEquals(List.of("alice"), only(next(b)).ids());
        assertEquals(List.of("alice"), only(ask(c, 4, FIRST_USERS, "alice")).ids(), "served again once the workers are free");
    }

    @Test
    void aFloodingChannelIsClosed() throws Exception {
        TestDirectory slow = new TestDirectory().user("alice", "Alice", "").gated();
        serve(TestConfig.config(50, 100, 1, 10, 2), slow);
        ServiceChannelHandle ch = channel("alice");
        for (int id = 1; id <= 4; id++) {
            ch.send(MSG, Wire.request(id, FIRST_USERS, "alice"));
        }
        assertEquals(ErrorCode.ERR_STARVING, ch.awaitClosed(Clients.WAIT));
        slow.open();
        assertEquals(List.of("alice"), only(ask(channel("bob"), 9, FIRST_USERS, "alice")).ids());
    }
}
