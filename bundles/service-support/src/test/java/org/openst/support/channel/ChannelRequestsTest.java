package org.openst.support.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openst.protocol.ErrorCode;
import org.openst.support.testing.FakeChannel;
import org.openst.support.testing.FakeLogin;
import org.openst.support.testing.LogCapture;

import ch.qos.logback.classic.Level;

class ChannelRequestsTest {

    private static final int PROTO = 0x15;

    private final List<ChannelRequests> started = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        started.forEach(ChannelRequests::stop);
    }

    private ChannelRequests requests(int threads, int waitingChannels, int maxPending) {
        ChannelRequests r = new ChannelRequests("Test", "openst-test", threads, waitingChannels, maxPending);
        started.add(r);
        return r;
    }

    private static FakeChannel channel(String user, int protoType) {
        return new FakeChannel(FakeLogin.of(user), 0x15, protoType, 0, new byte[0]);
    }

    /** A request that holds its worker until the test ends or releases it. */
    private Runnable slow(CountDownLatch entered) {
        return () -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private static void await(CountDownLatch l) throws InterruptedException {
        assertTrue(l.await(10, TimeUnit.SECONDS));
    }

    @Test
    void anotherProtocolTypeIsRefused() {
        ChannelRequests requests = requests(1, 1, 1);
        FakeChannel ok = channel("alice", PROTO);
        FakeChannel other = channel("bob", 0x99);
        try (LogCapture log = new LogCapture(ChannelRequests.class)) {
            assertTrue(requests.acceptsProtoType(ok, PROTO));
            assertFalse(requests.acceptsProtoType(other, PROTO));
            assertTrue(log.has(Level.INFO, "Test: refusing a channel of bob with protocol type 0x99 (expected 0x15)"));
        }
        assertNull(ok.closedWith());
        assertEquals(ErrorCode.ERR_PROTOCOL_NO_SUPPORT, other.closedWith());
    }

    @Test
    void aChannelsRequestsAreAnsweredInOrder() throws Exception {
        ChannelRequests requests = requests(4, 10, 100);
        FakeChannel ch = channel("alice", PROTO);
        List<Integer> answered = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(50);
        for (int id = 0; id < 50; id++) {
            int n = id;
            requests.submit(ch, id, () -> {
                answered.add(n);
                done.countDown();
            }, () -> answered.add(-1));
        }
        await(done);
        for (int id = 0; id < 50; id++) {
            assertEquals(id, answered.get(id));
        }
    }

    @Test
    void whenWorkersAndQueueAreBusyTheRequestIsAnsweredBusyAtOnce() throws Exception {
        ChannelRequests requests = requests(1, 1, 100);
        FakeChannel a = channel("alice", PROTO);
        FakeChannel b = channel("bob", PROTO);
        FakeChannel c = channel("carol", PROTO);
        CountDownLatch entered = new CountDownLatch(1);
        requests.submit(a, 1, slow(entered), () -> { });
        await(entered);
        requests.submit(b, 2, () -> { }, () -> { }); // waits in the queue of one
        List<String> busy = new ArrayList<>();
        try (LogCapture log = new LogCapture(ChannelRequests.class)) {
            requests.submit(c, 3, () -> busy.add("ran"), () -> busy.add("busy"));
            assertTrue(log.has(Level.WARN, "Test: all workers and their queue are busy; answering request 3 of carol "
                    + "with ERR_STARVING"));
        }
        assertEquals(List.of("busy"), busy);
        assertNull(c.closedWith(), "a busy answer leaves the channel open");
    }

    @Test
    void aFloodingChannelIsClosedAndItsWaitingRequestsDropped() throws Exception {
        ChannelRequests requests = requests(1, 10, 2);
        FakeChannel ch = channel("alice", PROTO);
        CountDownLatch entered = new CountDownLatch(1);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        requests.submit(ch, 1, slow(entered), () -> { });
        await(entered);
        try (LogCapture log = new LogCapture(ChannelRequests.class)) {
            for (int id = 2; id <= 4; id++) {
                int n = id;
                requests.submit(ch, id, () -> ran.add(n), () -> ran.add(-n));
            }
            assertTrue(log.has(Level.WARN, "Test: closing the channel of alice: more than 2 requests unanswered"));
        }
        assertEquals(ErrorCode.ERR_STARVING, ch.closedWith());
        release.countDown();
        CountDownLatch other = new CountDownLatch(1);
        requests.submit(channel("bob", PROTO), 9, other::countDown, () -> { });
        await(other); // the worker is free again: alice's dropped requests did not run before bob's
        assertEquals(List.of(), ran);
    }

    @Test
    void aRefusedChannelIsClosedAsInvalidAndItsWaitingRequestsDropped() throws Exception {
        ChannelRequests requests = requests(1, 10, 100);
        FakeChannel ch = channel("alice", PROTO);
        CountDownLatch entered = new CountDownLatch(1);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        requests.submit(ch, 1, slow(entered), () -> { });
        await(entered);
        requests.submit(ch, 2, () -> ran.add(2), () -> ran.add(-2));
        try (LogCapture log = new LogCapture(ChannelRequests.class)) {
            requests.refuse(ch, "malformed request");
            assertTrue(log.has(Level.WARN, "Test: closing the channel of alice: malformed request"));
        }
        assertEquals(ErrorCode.ERR_REQUEST_INVALID, ch.closedWith());
        release.countDown();
        CountDownLatch other = new CountDownLatch(1);
        requests.submit(channel("bob", PROTO), 9, other::countDown, () -> { });
        await(other);
        assertEquals(List.of(), ran);
    }

    @Test
    void afterStopRequestsAreDroppedQuietly() {
        ChannelRequests requests = requests(1, 10, 100);
        FakeChannel ch = channel("alice", PROTO);
        requests.stop();
        List<String> ran = new ArrayList<>();
        requests.submit(ch, 1, () -> ran.add("ran"), () -> ran.add("busy"));
        assertEquals(List.of(), ran, "the hub closes a stopped provider's channels itself");
        assertNull(ch.closedWith());
    }
}
