package org.openst.hub.core;

import java.security.SecureRandom;
import java.util.Map;
import java.util.function.Supplier;

import org.openst.hub.api.PrivacyRules;
import org.openst.hub.api.ServiceProvider;
import org.openst.protocol.ChannelAccept;
import org.openst.protocol.ChannelCreate;
import org.openst.protocol.ChannelDestroy;
import org.openst.protocol.ChannelSend;
import org.openst.protocol.EncryptAccept;
import org.openst.protocol.EncryptOffer;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.IdBlock;
import org.openst.protocol.ServiceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes channel messages (spec §5): a CHANNEL_CREATE with a target user becomes a relay to one
 * of that user's logins (§5.8 "Relay"), or for IM while an observer is registered a channel pair
 * the hub terminates ({@link ImTermination}); one without a target goes to the server
 * application that serves its service type. Accepts, sends and destroys then follow the channel
 * table. Every CHANNEL_SEND on a known channel is counted per service type.
 */
final class ChannelRouter {
    private static final Logger LOG = LoggerFactory.getLogger(ChannelRouter.class);

    private final SessionRegistry sessions;
    private final ServiceRegistry services;
    private final CommunityEvents events;
    private final ImObservers imObservers;
    private final MessageCounts counts;
    private final SecureRandom random;
    private final Supplier<HubSettings> settings;

    ChannelRouter(SessionRegistry sessions, ServiceRegistry services, CommunityEvents events, ImObservers imObservers,
            MessageCounts counts, SecureRandom random, Supplier<HubSettings> settings) {
        this.sessions = sessions;
        this.services = services;
        this.events = events;
        this.imObservers = imObservers;
        this.counts = counts;
        this.random = random;
        this.settings = settings;
    }

    void create(ClientSession from, ChannelCreate create) {
        int id = create.channelId();
        if (id == 0 || (id & ClientSession.SERVER_CHANNEL_FLAG) != 0) {
            refuse(from, id, ErrorCode.ERR_REQUEST_INVALID, "client channel ID out of range");
            return;
        }
        if (from.channel(id) != null) {
            refuse(from, id, ErrorCode.ERR_CHANNEL_EXISTS, "channel ID already open");
            return;
        }
        if (!from.mayUse(create.service())) {
            refuse(from, id, ErrorCode.ERR_NOT_AUTHORIZED,
                    "guest may not use service 0x" + Integer.toHexString(create.service()));
            return;
        }
        String targetUser = create.target().user();
        if (targetUser != null && !targetUser.isEmpty()) {
            relay(from, create, targetUser);
        } else {
            host(from, create);
        }
    }

    private void relay(ClientSession from, ChannelCreate create, String targetUser) {
        ClientSession to = sessions.route(targetUser, from);
        if (to == null) {
            refuse(from, create.channelId(), ErrorCode.ERR_NO_USER, "no login of '" + targetUser + "'");
            return;
        }
        if (!PrivacyRules.allows(to.privacy(), from.userId())) {
            // Spec §3.12, §7.3: the target's privacy list hides the creator.
            refuse(from, create.channelId(), ErrorCode.ERR_NOT_AUTHORIZED,
                    "'" + targetUser + "' does not accept channels from '" + from.userId() + "'");
            return;
        }
        ImTermination termination = null;
        if (create.service() == ServiceType.IM && !imObservers.isEmpty()) {
            // The decision is taken once, here: the channel keeps it for its whole life.
            try {
                termination = ImTermination.open(create.encrypt(),
                        from.loginId() + "/" + Integer.toHexString(create.channelId()), imObservers, random,
                        settings.get().maxQueuedBytes());
            } catch (ImTermination.Violation e) {
                refuse(from, create.channelId(), ErrorCode.ERR_ENCRYPT_INVALID, e.getMessage());
                return;
            }
        }
        int toId = to.allocateServerChannelId();
        RelayChannel relay = new RelayChannel(from, create.channelId(), to, toId, create.service(), termination);
        from.addChannel(create.channelId(), relay);
        to.addChannel(toId, relay);
        if (!to.isLoggedIn()) {
            // The target left between routing and registration; its teardown may have missed us.
            to.forgetChannel(toId, relay);
            if (relay.markClosed() && from.forgetChannel(create.channelId(), relay)) {
                refuse(from, create.channelId(), ErrorCode.ERR_NO_USER, "'" + targetUser + "' just logged out");
            }
            return;
        }
        // Same service, protocol, options and creation data; the creator block is the sender's
        // login so the target knows who writes (§5.8, §6.1.1). A relay copies the cipher offer
        // unchanged; a terminated channel carries the hub's own offer.
        EncryptOffer offer = termination == null ? create.encrypt() : termination.offerToTarget();
        to.send(new ChannelCreate(create.reserved(), toId, new IdBlock(to.userId(), ""), create.service(),
                create.protoType(), create.protoVersion(), create.options(), create.addtl(), from.loginInfo(), offer));
        events.fire("channelOpened", l -> l.channelOpened(from, create.service()));
    }

    private void host(ClientSession from, ChannelCreate create) {
        ServiceProvider provider = services.provider(create.service());
        if (provider == null) {
            refuse(from, create.channelId(), ErrorCode.ERR_SERVICE_NO_SUPPORT,
                    "no server application for service 0x" + Integer.toHexString(create.service()));
            return;
        }
        HostedChannel channel = new HostedChannel(from, create.channelId(), provider, create.service(),
                create.protoType(), create.protoVersion(), create.addtl(), HostedChannel.State.AWAIT_PROVIDER_ACCEPT);
        from.addChannel(create.channelId(), channel);
        events.fire("channelOpened", l -> l.channelOpened(from, create.service()));
        channel.callProvider("channelCreated", () -> provider.channelCreated(channel));
    }

    void accept(ClientSession from, ChannelAccept accept) {
        Channel channel = from.channel(accept.channel());
        if (channel instanceof RelayChannel relay) {
            if (relay.target() != from || !relay.markAccepted()) {
                protocolViolation(from, accept.channel(), relay, "accept of a channel it created or already accepted");
                return;
            }
            // The acceptor block is the target's login: Meanwhile keys RC2/40 on it and Pidgin
            // records the client type (§5.7, §6.1.1). A relay forwards the accept block
            // unchanged; a terminated channel answers with the hub's choice from the creator's offer.
            EncryptAccept toCreator = accept.encrypt();
            if (relay.termination() != null) {
                try {
                    toCreator = relay.termination().targetAccepted(accept.encrypt(), relay.creator(), from);
                } catch (ImTermination.Violation e) {
                    protocolViolation(from, accept.channel(), relay, e.getMessage());
                    return;
                }
            }
            relay.creator().send(new ChannelAccept(relay.creatorChannelId(), accept.service(), accept.protoType(),
                    accept.protoVersion(), accept.addtl(), from.loginInfo(), toCreator));
        } else if (channel instanceof HostedChannel hosted) {
            if (!hosted.clientAccepted()) {
                protocolViolation(from, accept.channel(), hosted, "accept of a channel it created");
                return;
            }
            hosted.callProvider("channelAccepted", () -> hosted.provider().channelAccepted(hosted, accept.addtl()));
        }
        // An accept for an unknown channel raced with a destroy: nothing to do (spec §3.10).
    }

    void send(ClientSession from, ChannelSend send) {
        Channel channel = from.channel(send.channel());
        if (channel instanceof RelayChannel relay) {
            counts.count(relay.serviceType());
            if (relay.termination() != null) {
                try {
                    relay.termination().forward(relay, from, send);
                } catch (ImTermination.Violation e) {
                    protocolViolation(from, send.channel(), relay, e.getMessage());
                }
            } else if (relay.isAccepted()) {
                // msg_type, options (ENCRYPT bit) and data unchanged (§5.8 step 3).
                relay.peerOf(from).send(new ChannelSend(relay.peerChannelIdOf(from), send.options(), send.msgType(),
                        send.data()));
            } else {
                LOG.debug("{} sent on relay 0x{} before it was accepted; dropped", from.describe(),
                        Integer.toHexString(send.channel()));
            }
        } else if (channel instanceof HostedChannel hosted) {
            counts.count(hosted.serviceType());
            if (send.encrypted()) {
                // Service channels are accepted without a cipher, so encrypted data cannot be read.
                protocolViolation(from, send.channel(), hosted, "encrypted message on an unencrypted service channel");
                return;
            }
            if (hosted.isEstablished()) {
                hosted.callProvider("received", () -> hosted.provider().received(hosted, send.msgType(), send.data()));
            }
        }
        // Sends for unknown channels are dropped, as Meanwhile does (spec §3.9).
    }

    void destroy(ClientSession from, ChannelDestroy destroy) {
        Channel channel = from.channel(destroy.channel());
        if (channel instanceof RelayChannel relay) {
            relay.closeFrom(from, destroy.reason(), destroy.data());
        } else if (channel instanceof HostedChannel hosted) {
            hosted.closedByClient(destroy.reason(), destroy.data());
        }
    }

    /** A login ended: partners and providers hear of every channel it still had (§8.2 #42). */
    void loginEnded(ClientSession session) {
        for (Map.Entry<Integer, Channel> entry : session.channelEntries()) {
            closeFromClient(session, entry.getValue(), ErrorCode.ERR_CLIENT_USER_GONE);
        }
    }

    /** A provider went away: its channels are destroyed with a clear reason, without calling it. */
    int providerGone(ServiceProvider provider, Iterable<ClientSession> all) {
        int closed = 0;
        for (ClientSession session : all) {
            for (Map.Entry<Integer, Channel> entry : session.channelEntries()) {
                if (entry.getValue() instanceof HostedChannel hosted && hosted.provider() == provider) {
                    hosted.close(ErrorCode.ERR_SERVICE_NO_SUPPORT);
                    closed++;
                }
            }
        }
        return closed;
    }

    /** Refuses a channel the client asked for: one log line, the client gets the reason. */
    private void refuse(ClientSession from, int id, int reason, String why) {
        LOG.info("refusing channel 0x{} of {}: {} ({})", Integer.toHexString(id), from.describe(), why,
                ErrorCode.name(reason));
        from.send(ChannelDestroy.of(id, reason));
    }

    private void protocolViolation(ClientSession from, int id, Channel channel, String why) {
        LOG.warn("closing channel 0x{} of {}: {} (ERR_REQUEST_INVALID)", Integer.toHexString(id), from.describe(), why);
        closeFromClient(from, channel, ErrorCode.ERR_REQUEST_INVALID);
        from.send(ChannelDestroy.of(id, ErrorCode.ERR_REQUEST_INVALID));
    }

    /** Ends a channel on the client's side: the relay partner or the provider is told. */
    private static void closeFromClient(ClientSession from, Channel channel, int reason) {
        if (channel instanceof RelayChannel relay) {
            relay.closeFrom(from, reason, null);
        } else if (channel instanceof HostedChannel hosted) {
            hosted.closedByClient(reason, null);
        }
    }
}
