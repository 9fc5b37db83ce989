package org.openst.directory.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.openst.protocol.WireReader;
import org.openst.protocol.WireWriter;

/** The directory service end to end: a real hub, the Java client on raw directory channels (spec §6.7). */
class DirectoryServiceTest {

    private static final int LIST = 0x0000;
    private static final int OPEN = 0x0001;
    private static final int CLOSE = 0x0002;
    private static final int SEARCH = 0x0003;
    private static final int GROUP_MEMBERS = 0x0004;

    private TestHub hub;
    private TestDirectory directory;
    private DirectoryService service;
    private final List<Clients> clients = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        hub = new TestHub();
        directory = new TestDirectory()
                .user("alice", "Alice Example")
                .user("bob", "Bob Builder")
                .user("carol", "Carol Singer")
                .user("dan", "Dan Brown")
                .user("erin", "Erin Example")
                .group("friends", "Friends", "alice", "ghost", "carol")
                .group("ghosts", "Ghosts", "ghost")
                .group("big", "Big", "alice", "bob", "carol", "dan", "erin");
    }

    @AfterEach
    void stop() {
        clients.forEach(Clients::close);
        if (service != null) {
            service.deactivate();
        }
        hub.close();
    }

    private void serve(DirectoryService.Config config, TestDirectory d) {
        service = new DirectoryService(config);
        if (d != null) {
            service.bindDirectory(d);
        }
        hub.addService(service);
    }

    private ServiceChannelHandle channel(String user) throws IOException {
        Clients c = Clients.login(hub, user, user + "-pw");
        clients.add(c);
        return open(c);
    }

    private static ServiceChannelHandle open(Clients c) throws IOException {
        return c.client().openServiceChannel(0x1A, 0x1C, 5, new byte[0]);
    }

    private static byte[] ask(ServiceChannelHandle ch, int msgType, byte[] data) throws IOException {
        ch.send(msgType, data);
        return reply(ch, msgType);
    }

    private static byte[] reply(ServiceChannelHandle ch, int msgType) throws IOException {
        ChannelMessage m = ch.receive(Clients.WAIT);
        assertEquals(msgType, m.msgType());
        return m.data();
    }

    /** Opens book 1 and returns the directory ID. */
    private static int openBook(ServiceChannelHandle ch, int requestId) throws IOException {
        int[] r = Wire.openReply(ask(ch, OPEN, Wire.open(requestId, 1, "Community directory")));
        assertEquals(requestId, r[0]);
        assertEquals(0, r[1]);
        assertTrue(r[2] != 0);
        return r[2];
    }

    private static Wire.Page search(ServiceChannelHandle ch, byte[] request) throws IOException {
        return Wire.page(ask(ch, SEARCH, request));
    }

    @Test
    void listIsLaidOutAsMeanwhileParsesIt() throws IOException {
        serve(TestConfig.config("Acme people", 20, 1000, 16, 2, 1000), directory);
        byte[] reply = ask(channel("alice"), LIST, Wire.list(42));
        // recv_list in Meanwhile's srvc_dir.c: request, code, count, then a bool and a u16 that must be 0
        WireReader r = new WireReader(reply);
        assertEquals(42, r.u32());
        assertEquals(0, r.u32());
        assertEquals(1, r.u32());
        assertEquals(false, r.bool());
        assertEquals(0, r.u16());
        assertEquals(1, r.u32());
        assertEquals("Acme people", r.str());
        assertEquals(0, r.remaining());
        assertArrayEquals(new WireWriter().u32(42).u32(0).u32(1).bool(false).u16(0).u32(1).str("Acme people").toByteArray(),
                reply);
    }

    @Test
    void withoutDirectoryThereIsNoBook() throws IOException {
        serve(TestConfig.pageSize(20), null);
        ServiceChannelHandle ch = channel("alice");
        assertArrayEquals(new WireWriter().u32(1).u32(0).u32(0).bool(false).u16(0).toByteArray(), ask(ch, LIST, Wire.list(1)));
        assertArrayEquals(new int[] { 2, ErrorCode.ERR_NO_ELEMENT, 0 }, Wire.openReply(ask(ch, OPEN, Wire.open(2, 1, "x"))));
        Wire.Members m = Wire.groupMembersReply(ask(ch, GROUP_MEMBERS, Wire.groupMembers(3, "friends")));
        assertEquals(ErrorCode.ERR_FAILURE, m.code());
    }

    @Test
    void openAnUnknownBook() throws IOException {
        serve(TestConfig.pageSize(20), directory);
        assertArrayEquals(new int[] { 5, ErrorCode.ERR_NO_ELEMENT, 0 },
                Wire.openReply(ask(channel("alice"), OPEN, Wire.open(5, 2, "Other book"))));
    }

    @Test
    void searchPagesForwardAndBack() throws IOException {
        serve(TestConfig.pageSize(2), directory);
        ServiceChannelHandle ch = channel("alice");
        int dir = openBook(ch, 1);

        Wire.Page first = search(ch, Wire.search(2, dir, ""));
        assertEquals(new Wire.Page(2, 0, dir, 0, 1, List.of(new Wire.Member(0, "alice", "Alice Example", "about alice"),
                new Wire.Member(0, "bob", "Bob Builder", "about bob"))), first);
        Wire.Page second = search(ch, Wire.next(3, dir));
        assertEquals(List.of("carol", "dan"), second.ids());
        assertEquals(2, second.offset());
        assertEquals(1, second.flags());
        Wire.Page last = search(ch, Wire.next(4, dir));
        assertEquals(List.of("erin"), last.ids());
        assertEquals(4, last.offset());
        assertEquals(0, last.flags(), "no more after the last page");
        assertEquals(last.ids(), search(ch, Wire.next(5, dir)).ids(), "next after the last page repeats it");
        assertEquals(List.of("carol", "dan"), search(ch, Wire.previous(6, dir)).ids());
        assertEquals(List.of("alice", "bob"), search(ch, Wire.previous(7, dir)).ids());
        Wire.Page again = search(ch, Wire.previous(8, dir));
        assertEquals(List.of("alice", "bob"), again.ids(), "previous on the first page repeats it");
        assertEquals(0, again.offset());
    }

    @Test
    void aQueryNarrowsTheSearchAndPagingFollowsIt() throws IOException {
        serve(TestConfig.pageSize(1), directory);
        ServiceChannelHandle ch = channel("alice");
        int dir = openBook(ch, 1);
        Wire.Page p = search(ch, Wire.search(2, dir, "EXAMPLE"));
        assertEquals(List.of("alice"), p.ids());
        assertEquals(1, p.flags());
        assertEquals(List.of("erin"), search(ch, Wire.next(3, dir)).ids());
        assertEquals(List.of(), search(ch, Wire.search(4, dir, "nobody")).ids());
    }

    @Test
    void pagingBeforeAnySearchBrowsesEverybody() throws IOException {
        serve(TestConfig.pageSize(3), directory);
        ServiceChannelHandle ch = channel("alice");
        int dir = openBook(ch, 1);
        assertEquals(List.of("alice", "bob", "carol"), search(ch, Wire.next(2, dir)).ids());
    }

    @Test
    void directoriesAreSeparateAndClosable() throws IOException {
        serve(TestConfig.config("Community directory", 2, 1000, 2, 2, 1000), directory);
        ServiceChannelHandle ch = channel("alice");
        int a = openBook(ch, 1);
        int b = openBook(ch, 2);
        assertTrue(a != b);
        assertArrayEquals(new int[] { 3, ErrorCode.ERR_STARVING, 0 }, Wire.openReply(ask(ch, OPEN, Wire.open(3, 1, ""))),
                "at most max.open directories per channel");

        search(ch, Wire.search(4, a, "a"));
        assertEquals(List.of("alice", "bob"), search(ch, Wire.next(5, b)).ids(), "b has its own paging");

        ch.send(CLOSE, Wire.close(6, a)); // no reply
        Wire.Page closed = search(ch, Wire.next(7, a));
        assertEquals(7, closed.requestId(), "CLOSE sent no reply: the next message answers request 7");
        assertEquals(ErrorCode.ERR_NO_ELEMENT, closed.code());
        assertEquals(ErrorCode.ERR_NO_ELEMENT, search(ch, Wire.next(8, 99)).code());
        assertTrue(openBook(ch, 9) != 0, "closing freed a place");
    }

    @Test
    void aDirectoryThatGoesAwayFailsTheSearch() throws IOException {
        serve(TestConfig.pageSize(2), directory);
        ServiceChannelHandle ch = channel("alice");
        int dir = openBook(ch, 1);
        service.unbindDirectory(directory);
        assertEquals(ErrorCode.ERR_FAILURE, search(ch, Wire.search(2, dir, "")).code());
        service.bindDirectory(directory);
        assertEquals(0, search(ch, Wire.search(3, dir, "")).code());
    }

    @Test
    void aFailingDirectoryFailsTheRequestNotTheChannel() throws IOException {
        serve(TestConfig.pageSize(2), new TestDirectory().failing(new IllegalStateException("LDAP down")));
        ServiceChannelHandle ch = channel("alice");
        int dir = openBook(ch, 1);
        assertEquals(ErrorCode.ERR_FAILURE, search(ch, Wire.search(2, dir, "")).code());
        assertEquals(ErrorCode.ERR_FAILURE, Wire.groupMembersReply(ask(ch, GROUP_MEMBERS, Wire.groupMembers(3, "g"))).code());
        assertTrue(ch.isOpen());
    }

    @Test
    void groupContents() throws IOException {
        serve(TestConfig.config("Community directory", 20, 3, 16, 2, 1000), directory);
        ServiceChannelHandle ch = channel("alice");
        Wire.Members friends = Wire.groupMembersReply(ask(ch, GROUP_MEMBERS, Wire.groupMembers(1, "FRIENDS")));
        assertEquals(new Wire.Members(1, 0, List.of(new Wire.Member(0, "alice", "Alice Example", "about alice"),
                new Wire.Member(0, "carol", "Carol Singer", "about carol"))), friends);

        Wire.Members ghosts = Wire.groupMembersReply(ask(ch, GROUP_MEMBERS, Wire.groupMembers(2, "ghosts")));
        assertEquals(new Wire.Members(2, 0, List.of()), ghosts, "a known group whose members are all unknown is empty");

        Wire.Members unknown = Wire.groupMembersReply(ask(ch, GROUP_MEMBERS, Wire.groupMembers(3, "nope")));
        assertEquals(new Wire.Members(3, ErrorCode.ERR_NO_ELEMENT, List.of()), unknown);
        assertEquals(ErrorCode.ERR_NO_ELEMENT, Wire.groupMembersReply(ask(ch, GROUP_MEMBERS, Wire.groupMembers(4, ""))).code());

        Wire.Members big = Wire.groupMembersReply(ask(ch, GROUP_MEMBERS, Wire.groupMembers(5, "big")));
        assertEquals(List.of("alice", "bob", "carol"), big.ids(), "capped at max.members");
    }

    @Test
    void aTruncatedRequestClosesOnlyThatChannel() throws IOException {
        serve(TestConfig.pageSize(2), directory);
        ServiceChannelHandle bad = channel("alice");
        ServiceChannelHandle good = channel("bob");
        byte[] open = Wire.open(1, 1, "Community directory");
        bad.send(OPEN, java.util.Arrays.copyOf(open, 9));
        assertEquals(ErrorCode.ERR_REQUEST_INVALID, bad.awaitClosed(Clients.WAIT));
        assertTrue(openBook(good, 2) != 0);
        assertTrue(clients.get(0).client().isConnected());
    }

    @Test
    void anUnknownMessageTypeClosesTheChannel() throws IOException {
        serve(TestConfig.pageSize(2), directory);
        ServiceChannelHandle ch = channel("alice");
        ch.send(0x0042, Wire.list(1));
        assertEquals(ErrorCode.ERR_REQUEST_INVALID, ch.awaitClosed(Clients.WAIT));
    }

    @Test
    void anUnknownSearchActionClosesTheChannel() throws IOException {
        serve(TestConfig.pageSize(2), directory);
        ServiceChannelHandle ch = channel("alice");
        int dir = openBook(ch, 1);
        ch.send(SEARCH, new WireWriter().u32(2).u32(dir).u16(0x0061).u32(5).toByteArray());
        assertEquals(ErrorCode.ERR_REQUEST_INVALID, ch.awaitClosed(Clients.WAIT));
    }

    @Test
    void aWrongProtocolTypeIsRefused() throws IOException {
        serve(TestConfig.pageSize(2), directory);
        Clients c = Clients.login(hub, "alice", "alice-pw");
        clients.add(c);
        ChannelRefusedException e = assertThrows(ChannelRefusedException.class,
                () -> c.client().openServiceChannel(0x1A, 0x15, 5, new byte[0]));
        assertEquals(ErrorCode.ERR_PROTOCOL_NO_SUPPORT, e.reason());
    }

    @Test
    void whenWorkersAndQueueAreFullRequestsAreAnsweredBusy() throws Exception {
        TestDirectory slow = new TestDirectory().user("alice", "Alice").group("g", "G", "alice").gated();
        serve(TestConfig.config("Community directory", 20, 1000, 16, 1, 1), slow);
        // Three channels of one connection: the hub hands their messages to the service in order.
        ServiceChannelHandle a = channel("alice");
        ServiceChannelHandle b = open(clients.get(0));
        ServiceChannelHandle c = open(clients.get(0));
        a.send(GROUP_MEMBERS, Wire.groupMembers(1, "g"));
        assertTrue(slow.entered.await(10, TimeUnit.SECONDS), "the one worker is busy with a's request");
        b.send(GROUP_MEMBERS, Wire.groupMembers(2, "g")); // waits in the queue of one
        assertEquals(new Wire.Members(3, ErrorCode.ERR_STARVING, List.of()),
                Wire.groupMembersReply(ask(c, GROUP_MEMBERS, Wire.groupMembers(3, "g"))));
        slow.open();
        assertEquals(List.of("alice"), Wire.groupMembersReply(reply(a, GROUP_MEMBERS)).ids());
        assertEquals(List.of("alice"), Wire.groupMembersReply(reply(b, GROUP_MEMBERS)).ids());
    }
}
