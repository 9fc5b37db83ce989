package org.openst.bench.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.openst.client.ClientOptions;
import org.openst.client.SametimeClient;

/**
 * Where a worker connects and from where: the server's loopback address and port, and the
 * loopback source addresses (127.0.0.2, 127.0.0.3, ...) connections take in turn, so that the
 * ephemeral ports of one source address never cap the number of connections.
 */
final class Target {
    final String host;
    final int port;
    final Duration timeout;
    private final List<InetAddress> sources;
    private final AtomicInteger next = new AtomicInteger();

    Target(String host, int port, List<String> sourceAddresses, Duration timeout) throws UnknownHostException {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
        List<InetAddress> list = new ArrayList<>();
        for (String s : sourceAddresses) {
            if (!s.isBlank()) {
                list.add(InetAddress.getByName(s.trim()));
            }
        }
        this.sources = List.copyOf(list);
    }

    /** The next source address, or null to let the kernel choose. */
    InetAddress nextSource() {
        return sources.isEmpty() ? null : sources.get(Math.floorMod(next.getAndIncrement(), sources.size()));
    }

    /** A client of the library, connected (not logged in) from the next source address. */
    SametimeClient connect(ClientOptions.Builder options) throws IOException {
        return SametimeClient.connect(host, port, options.timeout(timeout).localAddress(nextSource()).build());
    }

    /** A plain socket to the server (the bare relay's peers), from the next source address. */
    Socket socket() throws IOException {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true); // as the client library does
            InetAddress source = nextSource();
            if (source != null) {
                s.bind(new InetSocketAddress(source, 0));
            }
            s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }
}
