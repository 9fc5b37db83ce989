package org.openst.conference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.openst.support.testing.FakeChannel;
import org.openst.support.testing.FakeLogin;

/** One conference with fake channels: encode once, member IDs, ordering under concurrency. */
class ConferenceTest {

    private final AtomicInteger ended = new AtomicInteger();
    private final Conference conference = new Conference("room", "Topic", c -> ended.incrementAndGet());

    private static FakeChannel channel(String user, byte[] createData) {
        return new FakeChannel(FakeLogin.of(user), ConfWire.SERVICE, ConfWire.PROTO_TYPE, ConfWire.PROTO_VERSION,
                createData);
    }

    private Member join(String user) {
        FakeChannel ch = channel(user, ConfWire.create("room", "Topic"));
        Member m = conference.join(ch);
        assertTrue(ch.accepted());
        return m;
    }

    private static FakeChannel fake(Member m) {
        return (FakeChannel) m.channel();
    }

    @Test
    void aMessageIsEncodedOnceAndTheSameArrayIsWrittenToEveryMember() {
        List<Member> members = List.of(join("alice"), join("bob"), join("carol"));
        members.forEach(m -> fake(m).sent.clear());

        assertEquals(3, conference.post(members.get(1), ConfWire.text("hello")));

        byte[] first = fake(members.get(0)).sent.get(0).data();
        for (Member m : members) {
            List<FakeChannel.Sent> sent = fake(m).sent;
            assertEquals(1, sent.size());
            assertEquals(ConfWire.MESSAGE, sent.get(0).msgType());
            assertSame(first, sent.get(0).data(), "the same array instance for " + m);
        }
        assertEquals(members.get(1).id(), ConfWire.message(new org.openst.client.ChannelMessage(ConfWire.MESSAGE, first))
                .sender());
    }

    @Test
    void joinAndPartAreEncodedOnceToo() {
        Member alice = join("alice");
        Member bob = join("bob");
        fake(alice).sent.clear();
        fake(bob).sent.clear();
        Member carol = join("carol");
        assertSame(fake(alice).sent.get(0).data(), fake(bob).sent.get(0).data(), "one JOIN array");
        assertEquals(ConfWire.WELCOME, fake(carol).sent.get(0).msgType());

        fake(alice).sent.clear();
        fake(bob).sent.clear();
        conference.leave(carol);
        assertEquals(ConfWire.PART, fake(alice).sent.get(0).msgType());
        assertSame(fake(alice).sent.get(0).data(), fake(bob).sent.get(0).data(), "one PART array");
    }

    @Test
    void broadcastSkipsOnlyTheExceptedMember() {
        Member alice = join("alice");
        Member bob = join("bob");
        fake(alice).sent.clear();
        fake(bob).sent.clear();
        byte[] payload = {1, 2, 3};
        assertEquals(1, Broadcast.send(conference.members(), alice, 9, payload));
        assertTrue(fake(alice).sent.isEmpty());
        assertSame(payload, fake(bob).sent.get(0).data());
    }

    @Test
    void memberIdsAreUniqueAndTheLastLeaveEndsTheConference() {
        Member alice = join("alice");
        Member bob = join("bob");
        assertNotEquals(alice.id(), bob.id());
        assertFalse(conference.leave(bob));
        Member carol = join("carol");
        assertNotEquals(alice.id(), carol.id());
        assertFalse(conference.leave(bob), "leaving twice changes nothing");
        assertFalse(conference.leave(alice));
        assertEquals(0, ended.get());
        assertTrue(conference.leave(carol));
        assertEquals(1, ended.get());
        assertTrue(conference.hasEnded());
        assertEquals(null, conference.join(channel("dave", new byte[0])), "an ended conference takes nobody");
    }

    @Test
    void aNonMemberCannotPost() {
        Member alice = join("alice");
        conference.leave(alice);
        assertEquals(0, conference.post(alice, ConfWire.text("ghost")));
    }

    /**
     * Members join and talk from many threads at once. Every member's first message must be its
     * WELCOME, and any two members must see the messages they both got in the same order.
     */
    @Test
    void concurrentJoinsAndMessagesKeepOneOrder() throws Exception {
        int threads = 8;
        int messages = 50;
        join("host"); // keeps the conference alive
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Member>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String user = "user" + t;
            futures.add(pool.submit(() -> {
                go.await();
                Member m = join(user);
                for (int i = 0; i < messages; i++) {
                    conference.post(m, ConfWire.text(user + " " + i));
                }
                return m;
            }));
        }
        go.countDown();
        List<Member> members = new ArrayList<>();
        for (Future<Member> f : futures) {
            members.add(f.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));

        Set<Integer> ids = new java.util.HashSet<>();
        for (Member m : members) {
            assertTrue(ids.add(m.id()), "unique member ID " + m.id());
            List<FakeChannel.Sent> sent = fake(m).sent;
            assertEquals(ConfWire.WELCOME, sent.get(0).msgType(), "WELCOME first for " + m);
            assertEquals(messages, sent.stream().filter(s -> s.msgType() == ConfWire.MESSAGE
                    && ConfWire.message(new org.openst.client.ChannelMessage(s.msgType(), s.data())).sender() == m.id())
                    .count(), "its own messages echoed to " + m);
        }
        for (Member x : members) {
            for (Member y : members) {
                assertEquals(common(x, y), common(y, x), "same order for " + x + " and " + y);
            }
        }
    }

    /** The message arrays {@code a} got that {@code b} also got, in {@code a}'s order. */
    private static List<byte[]> common(Member a, Member b) {
        Set<byte[]> seenByB = Collections.newSetFromMap(new IdentityHashMap<>());
        fake(b).sent.forEach(s -> seenByB.add(s.data()));
        List<byte[]> out = new ArrayList<>();
        for (FakeChannel.Sent s : fake(a).sent) {
            if (s.msgType() == ConfWire.MESSAGE && seenByB.contains(s.data())) {
                out.add(s.data());
            }
        }
        return out;
    }
}
