package org.openst.client;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.openst.protocol.AwareIdBlock;
import org.openst.protocol.AwareSnapshot;
import org.openst.protocol.ServiceType;
import org.openst.protocol.WireReader;
import org.openst.protocol.WireWriter;

/**
 * The client side of the awareness service (protocol spec §6.2): subscribe to users and wait for
 * their presence as snapshots and updates arrive. Not thread-safe: one thread drives it.
 */
public final class BuddyListChannel {
    /** Awareness message types (§6.2). */
    public static final int AWARE_ADD = 0x0068;
    public static final int AWARE_REMOVE = 0x0069;
    public static final int AWARE_SNAPSHOT = 0x01F4;
    public static final int AWARE_UPDATE = 0x01F5;
    private static final int PROTO_TYPE = 0x11;
    private static final int PROTO_VERSION = 0x00030005;

    private final ServiceChannelHandle channel;
    /** The latest presence seen per user ID (lower case). */
    private final Map<String, AwareSnapshot> latest = new ConcurrentHashMap<>();

    private BuddyListChannel(ServiceChannelHandle channel) {
        this.channel = channel;
    }

    /** Opens the awareness channel as Meanwhile does at login (§8.2 #9). */
    public static BuddyListChannel open(SametimeClient client) throws IOException {
        return new BuddyListChannel(client.openServiceChannel(ServiceType.AWARENESS, PROTO_TYPE, PROTO_VERSION, new byte[0]));
    }

    public ServiceChannelHandle channel() {
        return channel;
    }

    /** AWARE_ADD of users (type 2, own community). */
    public void add(String... userIds) throws IOException {
        send(AWARE_ADD, java.util.Arrays.stream(userIds).map(AwareIdBlock::user).toList());
    }

    /** AWARE_REMOVE of users. */
    public void remove(String... userIds) throws IOException {
        send(AWARE_REMOVE, java.util.Arrays.stream(userIds).map(AwareIdBlock::user).toList());
    }

    private void send(int msgType, List<AwareIdBlock> ids) throws IOException {
        WireWriter w = new WireWriter().u32(ids.size());
        for (AwareIdBlock id : ids) {
            id.write(w);
        }
        channel.send(msgType, w.toByteArray());
    }

    /**
     * Reads snapshots and updates until one about {@code userId} matches, or the timeout passes.
     *
     * @return the matching presence
     * @throws SocketTimeoutException if none matched in time
     */
    public AwareSnapshot await(String userId, Predicate<AwareSnapshot> condition, Duration timeout) throws IOException {
        String key = userId.toLowerCase(Locale.ROOT);
        AwareSnapshot known = latest.get(key);
        if (known != null && condition.test(known)) {
            return known;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            ChannelMessage m = left > 0 ? channel.poll(Duration.ofNanos(left)) : null;
            if (m == null) {
                throw new SocketTimeoutException("no matching presence of " + userId + " within " + timeout
                        + "; last seen: " + latest.get(key));
            }
            for (AwareSnapshot s : decode(m)) {
                String who = s.id().user().toLowerCase(Locale.ROOT);
                latest.put(who, s);
                if (who.equals(key) && condition.test(s)) {
                    return s;
                }
            }
        }
    }

    /** The latest presence seen of a user, or null. */
    public AwareSnapshot latest(String userId) {
        return latest.get(userId.toLowerCase(Locale.ROOT));
    }

    /** The snapshot blocks of an AWARE_SNAPSHOT or AWARE_UPDATE; nothing for other messages. */
    public static List<AwareSnapshot> decode(ChannelMessage m) {
        WireReader r = new WireReader(m.data());
        if (m.msgType() == AWARE_UPDATE) {
            return List.of(AwareSnapshot.read(r));
        }
        if (m.msgType() != AWARE_SNAPSHOT) {
            return List.of();
        }
        int count = r.u32();
        AwareSnapshot[] blocks = new AwareSnapshot[count];
        for (int i = 0; i < count; i++) {
            blocks[i] = AwareSnapshot.read(r);
        }
        return List.of(blocks);
    }
}
