package org.openst.buddylist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;

import org.openst.client.ChannelMessage;
import org.openst.client.ServiceChannelHandle;
import org.openst.hub.core.Clients;
import org.openst.hub.core.TestHub;
import org.openst.protocol.AwareIdBlock;
import org.openst.protocol.AwareSnapshot;

/** A logged-in client with an open awareness channel, reading it message by message. */
final class Watcher implements AutoCloseable {
    final Clients login;
    final ServiceChannelHandle channel;

    private Watcher(Clients login, ServiceChannelHandle channel) {
        this.login = login;
        this.channel = channel;
    }

    static Watcher open(TestHub hub, String user, String password) throws IOException {
        Clients c = Clients.login(hub, user, password);
        return new Watcher(c, c.client().openServiceChannel(AwareWire.SERVICE, AwareWire.PROTO_TYPE,
                AwareWire.PROTO_VERSION, null));
    }

    static Watcher open(TestHub hub, String user) throws IOException {
        return open(hub, user, user + "-pw");
    }

    String loginId() {
        return login.client().loginInfo().loginId();
    }

    void send(int msgType, byte[] data) throws IOException {
        channel.send(msgType, data);
    }

    void add(AwareIdBlock... ids) throws IOException {
        send(AwareWire.AWARE_ADD, AwareWire.ids(ids));
    }

    void remove(AwareIdBlock... ids) throws IOException {
        send(AwareWire.AWARE_REMOVE, AwareWire.ids(ids));
    }

    void watch(int... keys) throws IOException {
        send(AwareWire.OPT_WATCH, AwareWire.watch(keys));
    }

    void set(int key, byte[] value) throws IOException {
        send(AwareWire.OPT_DO_SET, AwareWire.doSet(key, value));
    }

    void unset(int key) throws IOException {
        send(AwareWire.OPT_DO_UNSET, AwareWire.doUnset(key));
    }

    /** Sends an ADD and returns the snapshot that answers it. */
    List<AwareSnapshot> addAndAwait(AwareIdBlock... ids) throws IOException {
        add(ids);
        return nextSnapshot();
    }

    ChannelMessage next(int msgType) throws IOException {
        ChannelMessage m = channel.receive(Clients.WAIT);
        assertEquals(String.format("0x%04X", msgType), String.format("0x%04X", m.msgType()), "message type of " + m);
        return m;
    }

    List<AwareSnapshot> nextSnapshot() throws IOException {
        return AwareWire.snapshot(next(AwareWire.AWARE_SNAPSHOT).data());
    }

    AwareSnapshot nextUpdate() throws IOException {
        return AwareWire.update(next(AwareWire.AWARE_UPDATE).data());
    }

    AwareWire.GotSet nextGotSet() throws IOException {
        return AwareWire.gotSet(next(AwareWire.OPT_GOT_SET).data());
    }

    AwareWire.GotUnset nextGotUnset() throws IOException {
        return AwareWire.gotUnset(next(AwareWire.OPT_GOT_UNSET).data());
    }

    /**
     * Proves that nothing about {@code id} is waiting: adds it again and expects its snapshot as
     * the very next message. A re-ADD takes the same per-user lock as every fan-out about that
     * user, so a message the server was still sending would arrive before this snapshot.
     *
     * @return the snapshot block
     */
    AwareSnapshot assertQuietAbout(AwareIdBlock id) throws IOException {
        List<AwareSnapshot> s = addAndAwait(id);
        assertEquals(1, s.size());
        assertEquals(id, s.get(0).id());
        return s.get(0);
    }

    @Override
    public void close() {
        login.close();
    }
}
