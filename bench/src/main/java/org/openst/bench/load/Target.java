package org.openst.bench.load;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.openst.client.ClientIoLoop;
import org.openst.client.ClientOptions;
import org.openst.client.LoginKeys;
import org.openst.client.SametimeClient;

/**
 * Where a worker connects and from where: the server's loopback address and port, and the
 * loopback source addresses (127.0.0.2, 127.0.0.3, ...) and local ports connections take in turn,
 * so that the ports of one source address never cap the number of connections. Also how the
 * worker's clients read ({@link ClientIoLoop}) and log in ({@link LoginKeys}).
 */
final class Target {
    final String host;
    final int port;
    final Duration timeout;
    /** The loop that reads every connection, or null for a reader thread each. */
    private final ClientIoLoop io;
    /** The key pair all RC2/128 logins share, or null for a fresh pair per login, as Pidgin. */
    private final LoginKeys loginKeys;
    private final List<InetAddress> sources;
    private final AtomicInteger next = new AtomicInteger();
    /** This process's local ports (each load-generator process has its own slice). */
    private final int firstPort;
    private final int lastPort;
    private static final int BIND_ATTEMPTS = 64;

    Target(String host, int port, List<String> sourceAddresses, int firstPort, int lastPort, Duration timeout,
            ClientIoLoop io, LoginKeys loginKeys) throws UnknownHostException {
        if (firstPort < 1024 || lastPort > 0xFFFF || firstPort > lastPort) {
            throw new IllegalArgumentException("local ports must be a range within 1024..65535: " + firstPort + ".." + lastPort);
        }
        this.host = host;
        this.port = port;
        this.firstPort = firstPort;
        this.lastPort = lastPort;
        this.timeout = timeout;
        this.io = io;
        this.loginKeys = loginKeys;
        List<InetAddress> list = new ArrayList<>();
        for (String s : sourceAddresses) {
            if (!s.isBlank()) {
                list.add(InetAddress.getByName(s.trim()));
            }
        }
        this.sources = List.copyOf(list);
    }

    /**
     * A client of the library, connected (not logged in) from the next local address and port
     * ({@link #connect}); a pair still held by another socket is skipped.
     */
    SametimeClient connect(ClientOptions.Builder options) throws IOException {
        options.timeout(timeout).ioLoop(io).loginKeys(loginKeys);
        if (sources.isEmpty()) {
            return SametimeClient.connect(host, port, options.build());
        }
        BindException last = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            // Source addresses in turn with every connection, the port with every round over them.
            // Chosen here, not by the kernel: its search for a free port of an address (bind to
            // port 0) slows down with every port a closed connection holds in TIME_WAIT, and after
            // a few rounds of logins and logouts it was the load generator's largest cost.
            int k = Math.floorMod(next.getAndIncrement(), (lastPort - firstPort + 1) * sources.size());
            try {
                return SametimeClient.connect(host, port, options.localAddress(sources.get(k % sources.size()))
                        .localPort(firstPort + k / sources.size()).build());
            } catch (BindException e) {
                last = e; // in use (a listener, a connection in TIME_WAIT not yet reusable): the next one
            }
        }
        throw last;
    }
}
