package org.openst.client;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.openst.protocol.ServiceType;
import org.openst.protocol.WireReader;
import org.openst.protocol.WireWriter;

/**
 * The client side of the user storage service (protocol spec §6.6): one request at a time,
 * answered synchronously. Messages that are not the awaited answer (e.g. a storage-changed
 * notice) are kept in {@link #unsolicited()}. Not thread-safe: one thread drives it.
 */
public final class StorageChannel {
    public static final int LOAD = 0x0004;
    public static final int LOADED = 0x0005;
    public static final int SAVE = 0x0006;
    public static final int SAVED = 0x0007;
    private static final int PROTO_TYPE = 0x25;
    private static final int PROTO_VERSION = 1;

    /** A LOADED answer: {@code value} is present only when result is 0 and a unit came back. */
    public record Loaded(int result, Optional<byte[]> value) {
    }

    private final ServiceChannelHandle channel;
    private final Duration timeout;
    private final List<ChannelMessage> unsolicited = new ArrayList<>();
    private int nextRequestId = 1;

    private StorageChannel(ServiceChannelHandle channel, Duration timeout) {
        this.channel = channel;
        this.timeout = timeout;
    }

    /** Opens the storage channel as Meanwhile does at login (§8.2 #9). */
    public static StorageChannel open(SametimeClient client) throws IOException {
        return new StorageChannel(client.openServiceChannel(ServiceType.STORAGE, PROTO_TYPE, PROTO_VERSION, new byte[0]),
                client.options().timeout());
    }

    public ServiceChannelHandle channel() {
        return channel;
    }

    /** SAVE of one unit; @return the SAVED result (0 = stored) */
    public int save(long key, byte[] value) throws IOException {
        int id = nextRequestId++;
        // unit_len as Meanwhile writes it: the unit's end offset from the payload start (§6.6).
        WireWriter w = new WireWriter().u32(id).u32(1).u32(20 + value.length).u32((int) key).opq(value);
        channel.send(SAVE, w.toByteArray());
        WireReader r = new WireReader(await(SAVED, id));
        r.u32(); // request id
        return r.u32();
    }

    /** SAVE of a string unit ({@code str}, as Meanwhile stores strings). */
    public int saveString(long key, String value) throws IOException {
        return save(key, new WireWriter().str(value).toByteArray());
    }

    /** LOAD of one key. */
    public Loaded load(long key) throws IOException {
        int id = nextRequestId++;
        channel.send(LOAD, new WireWriter().u32(id).u32(1).u32((int) key).toByteArray());
        WireReader r = new WireReader(await(LOADED, id));
        r.u32(); // request id
        int result = r.u32();
        int count = r.u32();
        if (result != 0 || count == 0) {
            return new Loaded(result, Optional.empty());
        }
        r.u32(); // unit_len
        r.u32(); // key
        return new Loaded(result, Optional.of(r.opq()));
    }

    /** Messages received while waiting for answers that were not answers. */
    public List<ChannelMessage> unsolicited() {
        return unsolicited;
    }

    private byte[] await(int msgType, int requestId) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            ChannelMessage m = left > 0 ? channel.receive(Duration.ofNanos(left)) : null;
            if (m == null) {
                throw new SocketTimeoutException("no answer to storage request " + requestId);
            }
            if (m.msgType() == msgType && m.data().length >= 4 && new WireReader(m.data()).u32() == requestId) {
                return m.data();
            }
            unsolicited.add(m);
        }
    }
}
