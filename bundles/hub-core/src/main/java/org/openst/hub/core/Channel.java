package org.openst.hub.core;

/**
 * An entry of a connection's channel table: either a leg of a user-to-user relay or a channel
 * hosted by a server application.
 */
public sealed interface Channel permits RelayChannel, HostedChannel {
}
