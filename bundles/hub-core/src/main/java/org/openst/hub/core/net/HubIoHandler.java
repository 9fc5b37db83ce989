package org.openst.hub.core.net;

import java.io.IOException;

import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IdleStatus;
import org.apache.mina.core.session.IoSession;
import org.openst.hub.core.ClientSession;
import org.openst.hub.core.Hub;
import org.openst.protocol.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Connects MINA's connection events to the hub's {@link ClientSession}s. */
final class HubIoHandler extends IoHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(HubIoHandler.class);
    private static final AttributeKey CLIENT = new AttributeKey(HubIoHandler.class, "client");

    private final Hub hub;

    HubIoHandler(Hub hub) {
        this.hub = hub;
    }

    @Override
    public void sessionOpened(IoSession session) {
        session.getConfig().setIdleTime(IdleStatus.READER_IDLE, (int) hub.settings().idleTimeout().toSeconds());
        ClientSession client = hub.connected(new MinaConnection(session, hub.settings().maxQueuedBytes()));
        session.setAttribute(CLIENT, client);
    }

    @Override
    public void messageReceived(IoSession session, Object message) {
        ClientSession client = client(session);
        if (client == null) {
            return;
        }
        if (message instanceof InboundError error) {
            client.violation(error.reason(), error.detail());
        } else {
            client.received((Message) message);
        }
    }

    @Override
    public void sessionIdle(IoSession session, IdleStatus status) {
        // Spec §2 / §7.3: after the idle time-out without a byte (keepalives count), just close.
        LOG.info("closing {}: nothing received for {} s", describe(session), hub.settings().idleTimeout().toSeconds());
        session.closeNow();
    }

    /**
     * The client's input ended: it closed the connection, or the connection broke (then
     * everything it sent before was delivered first, see {@link DrainingNioProcessor}).
     */
    @Override
    public void inputClosed(IoSession session) {
        IOException failure = DrainingNioProcessor.failure(session);
        if (failure != null) {
            LOG.debug("connection {} broke ({}); what it sent before was handled", describe(session), failure.toString());
        }
        session.closeNow();
    }

    @Override
    public void sessionClosed(IoSession session) {
        ClientSession client = client(session);
        if (client != null) {
            client.connectionClosed();
        }
    }

    @Override
    public void exceptionCaught(IoSession session, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("connection {} failed: {}", describe(session), cause.toString());
        } else {
            LOG.error("closing {} after an unexpected error", describe(session), cause);
        }
        session.closeNow();
    }

    private static ClientSession client(IoSession session) {
        return (ClientSession) session.getAttribute(CLIENT);
    }

    private static String describe(IoSession session) {
        ClientSession client = client(session);
        return client == null ? String.valueOf(session.getRemoteAddress()) : client.toString();
    }
}
