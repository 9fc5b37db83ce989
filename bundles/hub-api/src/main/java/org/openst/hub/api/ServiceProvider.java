package org.openst.hub.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A service that a server application supplies to the community (the seed's "server
 * application ... declares the services it supplies"). Register an implementation as an OSGi
 * service; the hub then routes to it every CHANNEL_CREATE a client addresses to
 * {@link #serviceType()} without a target user, and answers SENSE_SERVICE for that type.
 *
 * <p>When the provider is unregistered (its bundle stopped, updated or uninstalled) the hub
 * destroys its open channels with {@code ERR_SERVICE_NO_SUPPORT}; when a provider for the type is
 * registered again, the hub sends SENSE_SERVICE to every login so clients re-open their channels.
 */
@ConsumerType
public interface ServiceProvider {

    /** The service type served (protocol spec §6.0), e.g. {@code 0x11} for awareness. */
    int serviceType();

    /**
     * A client opened a channel to this service. Accept it ({@link ServiceChannel#accept}) or
     * refuse it ({@link ServiceChannel#close}, e.g. with {@code ERR_PROTOCOL_NO_SUPPORT} for a wrong
     * protocol type); until then the client queues its requests.
     */
    void channelCreated(ServiceChannel channel);

    /**
     * The client accepted a channel this provider opened with {@link Community#openChannel}.
     *
     * @param acceptData the client's acceptance data ("addtl")
     */
    default void channelAccepted(ServiceChannel channel, byte[] acceptData) {
    }

    /** A service message arrived on one of this provider's channels. */
    void received(ServiceChannel channel, int msgType, byte[] data);

    /**
     * The client closed the channel, or its login ended ({@code reason} is then
     * {@code ERR_CLIENT_USER_GONE}). Not called for closes the provider made itself.
     */
    void channelClosed(ServiceChannel channel, int reason, byte[] data);
}
