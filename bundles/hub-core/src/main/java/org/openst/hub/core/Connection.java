package org.openst.hub.core;

import java.net.InetSocketAddress;

import org.openst.protocol.Message;

/**
 * The network end of a client session, as the hub logic needs it. The MINA transport implements
 * it; keeping the hub logic behind this interface keeps MINA out of the routing code.
 * All methods are thread-safe and never block.
 */
public interface Connection {

    /** Queues a message for the client. Dropped quietly once the connection is closing. */
    void send(Message message);

    /** Queues a last message and closes the connection once it is written. */
    void sendAndClose(Message message);

    /** Closes the connection now, dropping anything not yet written. */
    void close();

    /** The client's address. */
    InetSocketAddress remoteAddress();
}
