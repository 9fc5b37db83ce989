package org.openst.bench.load;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

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
        try {
            return loginAsync(target, index, imCiphers, errors).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    /**
     * {@link #login}, returning once connected: the login's steps run on the connection's reader,
     * and the future completes with the logged-in user, or with the failure (the client closed).
     */
    static CompletableFuture<BenchClient> loginAsync(Target target, int index, boolean imCiphers, Errors errors) {
        String user = Users.id(index);
        BenchListener listener = new BenchListener(user, errors);
        SametimeClient client = null;
        try {
            client = target.connect(ClientOptions.builder().listener(listener).offerImCiphers(imCiphers)
                    .readerThreads(ReaderThreads.factory()));
            SametimeClient connected = client;
            return client.loginAsync(user, Users.password(user))
                    .orTimeout(target.timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .handle((info, e) -> {
                        if (e != null) {
                            listener.ending = true;
                            connected.close();
                            throw e instanceof CompletionException ce ? ce : new CompletionException(e);
                        }
                        BenchClient c = new BenchClient(index, user, connected, listener);
                        LIVE.add(c);
                        return c;
                    });
        } catch (IOException | RuntimeException e) {
            listener.ending = true;
            if (client != null) {
                client.close();
            }
            return CompletableFuture.failedFuture(e);
        }
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
