package org.openst.bench.load;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.openst.client.ClientOptions;
import org.openst.client.SametimeClient;

/** A logged-in user of the benchmark: a client of the library and its listener. */
final class BenchClient {
    /** Every client a worker holds, for the keepalives. */
    static final Set<BenchClient> LIVE = ConcurrentHashMap.newKeySet();

    final int index;
    final String user;
    final SametimeClient client;
    final BenchListener listener;

    private BenchClient(int index, String user, SametimeClient client, BenchListener listener) {
        this.index = index;
        this.user = user;
        this.client = client;
        this.listener = listener;
    }

    /**
     * Connects and logs in user {@code index} as Pidgin does (RC2/128 when the hub offers its DH
     * key). The listener is in place before the login, so nothing sent right after it is missed.
     *
     * @param imCiphers whether IM channels this client opens offer RC2/40 and RC2/128 (Pidgin) or nothing
     */
    static BenchClient login(Target target, int index, boolean imCiphers, Errors errors) throws IOException {
        String user = Users.id(index);
        BenchListener listener = new BenchListener(user, errors);
        SametimeClient client = target.connect(ClientOptions.builder().listener(listener).offerImCiphers(imCiphers)
                .readerThreads(ReaderThreads.factory()));
        try {
            client.login(user, Users.password(user));
        } catch (IOException | RuntimeException e) {
            listener.ending = true;
            client.close();
            throw e;
        }
        BenchClient c = new BenchClient(index, user, client, listener);
        LIVE.add(c);
        return c;
    }

    /** Logs out as Pidgin does (CHANNEL_DESTROY on channel 0, then close). */
    void logout() {
        listener.ending = true;
        LIVE.remove(this);
        client.logout();
    }

    /** Drops the connection without a word, like a crashed client. */
    void drop() {
        listener.ending = true;
        LIVE.remove(this);
        client.close();
    }

    void keepalive() {
        try {
            client.sendKeepalive();
        } catch (IOException e) {
            // the listener reports the end of the session
        }
    }
}
