package org.openst.bench.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openst.protocol.AwareIdBlock;
import org.openst.protocol.AwareSnapshot;
import org.openst.protocol.ChannelCreate;
import org.openst.protocol.ChannelSend;
import org.openst.protocol.ClientType;
import org.openst.protocol.EncryptItem;
import org.openst.protocol.EncryptOffer;
import org.openst.protocol.EncryptPolicy;
import org.openst.protocol.HeaderOption;
import org.openst.protocol.IdBlock;
import org.openst.protocol.LoginAck;
import org.openst.protocol.LoginInfo;
import org.openst.protocol.MessageCodec;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.ServiceType;
import org.openst.protocol.UserStatus;
import org.openst.protocol.UserStatusCode;
import org.openst.protocol.WireReader;
import org.openst.protocol.WireWriter;
import org.openst.protocol.im.ImCreateData;
import org.openst.protocol.im.ImPayload;

/**
 * The protocol codec on the hot message types, as the hub meets them: a frame body decoded into
 * a message, and a message encoded into a complete frame (length included). Run with
 * {@code bench/run.sh micro CodecBenchmark -prof gc} to see the bytes allocated per operation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {
    /** The awareness service's AWARE_UPDATE message type (§6.2). */
    static final int AWARE_UPDATE = 0x01F5;

    ChannelSend send;
    byte[] sendBody;
    ChannelCreate create;
    byte[] createBody;
    LoginAck loginAck;
    byte[] loginAckBody;
    AwareSnapshot snapshot;
    byte[] updateBody;

    @Setup
    public void setup() {
        // An RC2-encrypted IM of a 64-character text, as Pidgin sends it (§6.1.2).
        byte[] text = new ImPayload.Text("x".repeat(64)).encode();
        byte[] cipherText = new byte[(text.length / 8 + 1) * 8];
        send = new ChannelSend(0x80000001, HeaderOption.ENCRYPT, ImCreateData.MSG_TYPE, cipherText);
        sendBody = MessageCodec.encode(send);

        LoginInfo creator = new LoginInfo("abcdefghijkl#hub1", ClientType.MEANWHILE, "u00001", "Bench User 00001", "",
                true, "", 0x7F000002, "hub1");
        EncryptOffer offer = new EncryptOffer(EncryptPolicy.WHATEVER,
                List.of(EncryptItem.rc2_40(), EncryptItem.rc2_128(new byte[64])), EncryptPolicy.WHATEVER, false);
        create = new ChannelCreate(0, 0x80000002, new IdBlock("u00002", ""), ServiceType.IM, 0x1000, 3, 0,
                ImCreateData.of(ImCreateData.FEATURES_NOTESBUDDY).toBytes(), creator, offer);
        createBody = MessageCodec.encode(create);

        LoginInfo own = new LoginInfo("abcdefghijkl#hub1", ClientType.MEANWHILE, "u00001", "Bench User 00001",
                "openst.local", true, "", 0x7F000002, "hub1");
        loginAck = new LoginAck(own, 0, PrivacyInfo.allowAll(), UserStatus.active());
        loginAckBody = MessageCodec.encode(loginAck);

        snapshot = new AwareSnapshot(AwareIdBlock.user("u00001"), "", true, "abcdefghijkl#hub1",
                new UserStatus(UserStatusCode.AWAY, 0, "in a meeting"), "Bench User 00001");
        updateBody = MessageCodec.encode(awareUpdate(snapshot));
    }

    static ChannelSend awareUpdate(AwareSnapshot s) {
        WireWriter w = new WireWriter();
        s.write(w);
        return ChannelSend.plain(0x80000003, AWARE_UPDATE, w.toByteArray());
    }

    @Benchmark
    public Object decodeChannelSend() {
        return MessageCodec.decode(sendBody);
    }

    @Benchmark
    public byte[] encodeChannelSend() {
        return MessageCodec.encodeFrame(send);
    }

    @Benchmark
    public Object decodeChannelCreate() {
        return MessageCodec.decode(createBody);
    }

    @Benchmark
    public byte[] encodeChannelCreate() {
        return MessageCodec.encodeFrame(create);
    }

    @Benchmark
    public Object decodeLoginAck() {
        return MessageCodec.decode(loginAckBody);
    }

    @Benchmark
    public byte[] encodeLoginAck() {
        return MessageCodec.encodeFrame(loginAck);
    }

    /** The CHANNEL_SEND and the snapshot block inside it, as a watcher's client reads it. */
    @Benchmark
    public Object decodeAwareUpdate() {
        ChannelSend s = (ChannelSend) MessageCodec.decode(updateBody);
        return AwareSnapshot.read(new WireReader(s.data()));
    }

    /** What the awareness service does per watcher: the block, the CHANNEL_SEND, the frame. */
    @Benchmark
    public byte[] encodeAwareUpdate() {
        return MessageCodec.encodeFrame(awareUpdate(snapshot));
    }
}
