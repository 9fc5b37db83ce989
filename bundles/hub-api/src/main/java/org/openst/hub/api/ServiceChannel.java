package org.openst.hub.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One channel between a client and a server application, as the application sees it. The hub
 * terminates these channels: service traffic is never encrypted (protocol spec §5.7), so the
 * application reads and writes plain service messages.
 */
@ProviderType
public interface ServiceChannel {

    /** The client end of the channel. */
    Login login();

    /** The service type the channel was opened for. */
    int serviceType();

    /** The service protocol type given at creation. */
    int protoType();

    /** The service protocol version given at creation. */
    int protoVersion();

    /** The creation data ("addtl") of the CHANNEL_CREATE; a copy. */
    byte[] createData();

    /** True from creation until either side closed the channel or the login ended. */
    boolean isOpen();

    /**
     * Accepts a channel the client opened, with no cipher. Call once, from
     * {@link ServiceProvider#channelCreated} or later.
     *
     * @param acceptData the service-specific acceptance data ("addtl"); null for none
     */
    void accept(byte[] acceptData);

    /** Sends a service message; ignored when the channel is no longer open. */
    void send(int msgType, byte[] data);

    /**
     * Closes the channel: the client gets CHANNEL_DESTROY with this reason and data. Ignored when
     * already closed. The provider's {@link ServiceProvider#channelClosed} is not called for a
     * close the provider made itself.
     */
    void close(int reason, byte[] data);

    /** {@link #close(int, byte[])} with no data. */
    default void close(int reason) {
        close(reason, null);
    }

    /** Per-channel state of the provider's choosing (subscriptions, membership, ...). */
    Object attachment();

    /** Replaces the attachment; returns the previous one. */
    Object attach(Object attachment);
}
