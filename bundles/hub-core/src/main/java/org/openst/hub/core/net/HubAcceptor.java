package org.openst.hub.core.net;

import java.io.IOException;
import java.net.InetSocketAddress;

import org.apache.mina.core.service.SimpleIoProcessorPool;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.apache.mina.transport.socket.nio.NioSession;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;
import org.openst.hub.core.Hub;
import org.openst.hub.core.HubSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The TCP listener for Sametime clients, on MINA. */
public final class HubAcceptor {
    private static final Logger LOG = LoggerFactory.getLogger(HubAcceptor.class);

    /** Connections the kernel queues for the acceptor. */
    static final int ACCEPT_BACKLOG = 4096;

    private final SimpleIoProcessorPool<NioSession> processors;
    private final NioSocketAcceptor acceptor;
    private volatile InetSocketAddress bound;

    public HubAcceptor(Hub hub) {
        HubSettings settings = hub.settings();
        int threads = settings.ioThreads() > 0 ? settings.ioThreads() : Runtime.getRuntime().availableProcessors() + 1;
        // Our processors deliver what a client sent before it reset the connection (DrainingNioProcessor).
        processors = new SimpleIoProcessorPool<>(DrainingNioProcessor.class, threads);
        acceptor = new NioSocketAcceptor(processors);
        acceptor.setReuseAddress(true);
        // MINA's default queue of 50 connections not yet accepted overflows when thousands of
        // clients connect at once (after a restart, in the login benchmark); a client whose SYN is
        // dropped waits a second before it tries again. The kernel caps it at net.core.somaxconn.
        acceptor.setBacklog(ACCEPT_BACKLOG);
        // Existing logins stay up when the listener moves to another port.
        acceptor.setCloseOnDeactivation(false);
        acceptor.getSessionConfig().setTcpNoDelay(true);
        // Everything one read causes is written once per destination, after the read (WriteBatch).
        acceptor.getFilterChain().addLast("batch", new BatchingFilter());
        acceptor.getFilterChain().addLast("sametime",
                new ProtocolCodecFilter(new SametimeEncoder(), new SametimeDecoder(() -> hub.settings().maxFrameSize())));
        acceptor.setHandler(new HubIoHandler(hub));
    }

    /** Starts listening; throws if the address is taken. */
    public void bind(HubSettings settings) throws IOException {
        InetSocketAddress address = new InetSocketAddress(settings.bindAddress(), settings.port());
        acceptor.bind(address);
        bound = (InetSocketAddress) acceptor.getLocalAddress();
        LOG.info("listening for Sametime clients on {}", bound);
    }

    /** Moves the listener to the address of new settings; logins stay connected. */
    public void rebind(HubSettings settings) throws IOException {
        acceptor.unbind();
        bind(settings);
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return bound.getPort();
    }

    /** Stops listening and closes every connection. */
    public void dispose() {
        acceptor.unbind();
        acceptor.dispose(true);
        processors.dispose(); // not the acceptor's own pool, so not disposed with it; closes the sessions
        LOG.info("listener closed");
    }
}
