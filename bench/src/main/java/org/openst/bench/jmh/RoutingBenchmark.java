package org.openst.bench.jmh;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openst.hub.api.LoginDecision;
import org.openst.hub.core.ClientSession;
import org.openst.hub.core.Connection;
import org.openst.hub.core.Hub;
import org.openst.hub.core.HubSettings;
import org.openst.protocol.AuthType;
import org.openst.protocol.ChannelAccept;
import org.openst.protocol.ChannelCreate;
import org.openst.protocol.ChannelSend;
import org.openst.protocol.ClientType;
import org.openst.protocol.EncryptAccept;
import org.openst.protocol.EncryptOffer;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.Handshake;
import org.openst.protocol.HeaderOption;
import org.openst.protocol.IdBlock;
import org.openst.protocol.Login;
import org.openst.protocol.LoginAck;
import org.openst.protocol.Message;
import org.openst.protocol.MessageCodec;
import org.openst.protocol.ServiceType;
import org.openst.protocol.WireWriter;
import org.openst.protocol.im.ImCreateData;

/**
 * Routing one IM message through the hub's logic without a network: two logins of a real
 * {@link Hub} (its public entry points, as the MINA transport calls them) with an IM channel
 * relayed between them; the benchmark hands the creator's CHANNEL_SEND to the hub, which routes it
 * to the peer's connection. {@code route} stops at the peer's {@link Connection#send};
 * {@code decodeRouteEncode} adds what the transport does around it: decoding the frame body and
 * encoding the forwarded frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RoutingBenchmark {
    /** Text size of the IM (before the RC2 padding), like the load generator's default. */
    @Param("64")
    int size;

    Hub hub;
    ClientSession alice;
    FakeConnection bobConnection;
    ChannelSend send;
    byte[] sendBody;

    /** A connection that keeps what the hub sends it; optionally encodes each frame as MINA would. */
    static final class FakeConnection implements Connection {
        final AtomicReference<Message> last = new AtomicReference<>();
        final InetSocketAddress address;
        volatile boolean encode;
        long bytes;

        FakeConnection(int port) {
            address = new InetSocketAddress("127.0.0.2", port);
        }

        @Override
        public void send(Message message) {
            last.set(message);
            if (encode) {
                bytes += MessageCodec.encodeFrame(message).length;
            }
        }

        @Override
        public void sendAndClose(Message message) {
            last.set(message);
        }

        @Override
        public void close() {
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return address;
        }

        Message await(Predicate<Message> what) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                Message m = last.get();
                if (m != null && what.test(m)) {
                    return m;
                }
                Thread.sleep(1);
            }
            throw new IllegalStateException("the hub did not send what was expected; last: " + last.get());
        }
    }

    @Setup(Level.Trial)
    public void setup() throws Exception {
        hub = new Hub(HubSettings.defaults(0));
        hub.authorityAdded(attempt -> new LoginDecision.User(attempt.loginName(), attempt.loginName()));
        FakeConnection aliceConnection = new FakeConnection(40001);
        bobConnection = new FakeConnection(40002);
        alice = login(hub, aliceConnection, "alice");
        ClientSession bob = login(hub, bobConnection, "bob");

        alice.received(new ChannelCreate(0, 1, new IdBlock("bob", ""), ServiceType.IM, 0x1000, 3, 0,
                ImCreateData.of(ImCreateData.FEATURES_NOTESBUDDY).toBytes(), null, EncryptOffer.none()));
        ChannelCreate atBob = (ChannelCreate) bobConnection.await(m -> m instanceof ChannelCreate);
        bob.received(new ChannelAccept(atBob.channelId(), ServiceType.IM, 0x1000, 3,
                ImCreateData.of(ImCreateData.FEATURES_NOTESBUDDY).toBytes(), null, EncryptAccept.none()));
        aliceConnection.await(m -> m instanceof ChannelAccept);

        byte[] cipherText = new byte[(size + 8) / 8 * 8 + 8];
        send = new ChannelSend(1, HeaderOption.ENCRYPT, ImCreateData.MSG_TYPE, cipherText);
        sendBody = MessageCodec.encode(send);
    }

    private static ClientSession login(Hub hub, FakeConnection c, String user) throws InterruptedException {
        ClientSession s = hub.connected(c);
        s.received(Handshake.meanwhileDefault(ClientType.MEANWHILE, ""));
        s.received(new Login(ClientType.MEANWHILE, user, new WireWriter().str("token").toByteArray(), AuthType.TOKEN, 0));
        c.await(m -> m instanceof LoginAck);
        // The authentication thread hands on what arrived during the login after queuing the
        // ack; until it is done, new messages queue behind (at most 64): let it finish.
        Thread.sleep(200);
        return s;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        hub.shutdown(ErrorCode.CONNECTION_CLOSED);
    }

    /** The hub's routing of one CHANNEL_SEND on a relayed channel, up to the peer connection. */
    @Benchmark
    public Message route() {
        bobConnection.encode = false;
        alice.received(send);
        return bobConnection.last.get();
    }

    /** Decode the frame body, route, encode the forwarded frame: the hub's CPU per message outside MINA. */
    @Benchmark
    public long decodeRouteEncode() {
        bobConnection.encode = true;
        alice.received(MessageCodec.decode(sendBody));
        return bobConnection.bytes;
    }
}
