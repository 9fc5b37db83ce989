package org.openst.conference;

import static org.openst.support.config.ConfigChecks.atLeast;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import org.openst.chatlogging.api.ChatLog;
import org.openst.hub.api.ChannelRequest;
import org.openst.hub.api.Community;
import org.openst.hub.api.Login;
import org.openst.hub.api.PrivacyRules;
import org.openst.hub.api.ServiceChannel;
import org.openst.hub.api.ServiceProvider;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.ServiceType;
import org.openst.support.config.ConfigGate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conference service (spec §6.3; service {@code 0x80000010}, protocol {@code 0x10}/2): N-way
 * chats hosted on the server, Pidgin's "chats" on Sametime.
 *
 * <ul>
 * <li>A client's channel creates the conference its addtl names, or joins it when it exists; the
 * channel is accepted without cipher and gets WELCOME (§6.3.1).</li>
 * <li>INVITE opens a channel toward the invitee's most recently active login with the inviter as
 * creator (§6.3.2); the invitee accepts and JOINs, or declines by closing it.</li>
 * <li>MESSAGE payloads go, exactly as received, to every member including the sender (§6.3.4);
 * texts also go to the chat log when one is bound and enabled.</li>
 * <li>A closed channel or ended login leaves: PART to the others; the last member ends the
 * conference (§6.3.5).</li>
 * </ul>
 *
 * <p>Everything runs on the hub's network threads without blocking; each conference has its own
 * lock ({@link Conference}).
 */
@Component(name = ConferenceService.PID, configurationPid = ConferenceService.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = ServiceProvider.class)
@Designate(ocd = ConferenceService.Config.class)
public final class ConferenceService implements ServiceProvider {

    static final String PID = "org.openst.conference";
    static final int DEFAULT_MAX_NAME_LENGTH = 256;
    static final int DEFAULT_MAX_TITLE_LENGTH = 256;
    private static final Logger LOG = LoggerFactory.getLogger(ConferenceService.class);
    private static final String DECLINED = "Declined";

    @ObjectClassDefinition(name = "OpenST conferences",
            description = "Server-hosted N-way chats (Sametime conference service 0x80000010).")
    @interface Config {
        @AttributeDefinition(name = "Maximum name length", description = "A conference whose name is longer "
                + "(in characters) is refused with ERR_REQUEST_INVALID.", min = "1")
        int max_name_length() default DEFAULT_MAX_NAME_LENGTH;

        @AttributeDefinition(name = "Maximum title length", description = "A conference whose title (topic) is "
                + "longer (in characters) is refused with ERR_REQUEST_INVALID.", min = "0")
        int max_title_length() default DEFAULT_MAX_TITLE_LENGTH;
    }

    /** The limits in force; replaced whole by {@link #modified}. */
    record Limits(int maxNameLength, int maxTitleLength) {
        static Limits of(Config config) {
            return new Limits(atLeast("max.name.length", config.max_name_length(), 1),
                    atLeast("max.title.length", config.max_title_length(), 0));
        }
    }

    private final ConfigGate<Config, Limits> gate = new ConfigGate<>(PID, Config.class, Limits::of, LOG);
    private final Community community;
    private final Conferences conferences = new Conferences();
    private final ChatRecorder chatRecorder = new ChatRecorder(Clock.systemUTC());
    /**
     * Held while an invitation channel is opened and its {@link Invitation} attached: the client's
     * answer can reach this service before {@link Community#openChannel} has returned, and then
     * waits here until the attachment is there ({@link #stateOf}). Never held while waiting for a
     * conference lock.
     */
    private final Object openLock = new Object();
    private volatile Limits limits;

    @Activate
    public ConferenceService(@Reference(name = "community") Community community, Config config) {
        this.community = community;
        this.limits = gate.initial(config);
    }

    /** New limits apply to the next requests; a bad value is refused (logged) and the old limits stay. */
    @Modified
    void modified(Config config) {
        gate.next(config).ifPresent(next -> limits = next);
    }

    /** The limits in force; for tests. */
    Limits limits() {
        return limits;
    }

    /** The chat log of the chat logging bundle; a better-ranked one replaces it at run time (greedy). */
    @Reference(name = "chatLog", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindChatLog")
    void bindChatLog(ChatLog chatLog) {
        chatRecorder.use(chatLog);
    }

    void unbindChatLog(ChatLog chatLog) {
        chatRecorder.forget(chatLog);
    }

    /**
     * The hub has already destroyed our channels with ERR_SERVICE_NO_SUPPORT when the service was
     * unregistered (before this runs); closing them again is a no-op then and a safety net otherwise.
     */
    @Deactivate
    void deactivate() {
        List<Conference> all = conferences.clear();
        all.forEach(c -> c.close(ErrorCode.ERR_SERVICE_NO_SUPPORT));
        if (!all.isEmpty()) {
            LOG.info("conference: stopped; {} conferences ended", all.size());
        }
    }

    @Override
    public int serviceType() {
        return ServiceType.CONFERENCE;
    }

    // ---------------------------------------------------------------- creating and joining (§6.3.1)

    @Override
    public void channelCreated(ServiceChannel channel) {
        String user = channel.login().userId();
        if (channel.protoType() != ConferenceWire.PROTO_TYPE) {
            refuse(channel, ErrorCode.ERR_PROTOCOL_NO_SUPPORT,
                    "protocol type 0x" + Integer.toHexString(channel.protoType()) + " (expected 0x10)");
            return;
        }
        ConferenceWire.Create create;
        try {
            create = ConferenceWire.parseCreate(channel.createData());
        } catch (Malformed e) {
            refuse(channel, ErrorCode.ERR_REQUEST_INVALID, e.getMessage());
            return;
        }
        Limits l = limits;
        if (create.name().isEmpty()) {
            refuse(channel, ErrorCode.ERR_REQUEST_INVALID, "conference without a name");
            return;
        }
        if (length(create.name()) > l.maxNameLength()) {
            refuse(channel, ErrorCode.ERR_REQUEST_INVALID, "conference name of " + length(create.name())
                    + " characters; at most " + l.maxNameLength() + " are allowed (max.name.length)");
            return;
        }
        if (length(create.title()) > l.maxTitleLength()) {
            refuse(channel, ErrorCode.ERR_REQUEST_INVALID, "conference title of " + length(create.title())
                    + " characters; at most " + l.maxTitleLength() + " are allowed (max.title.length)");
            return;
        }
        Member member = conferences.join(create.name(), create.title(), channel);
        if (member == null) {
            refuse(channel, ErrorCode.ERR_FAILURE, "conference '" + create.name() + "' has no member ID left");
            return;
        }
        LOG.debug("conference: {} joined '{}' as member {}", user, create.name(), member.id());
    }

    // ---------------------------------------------------------------- invitations (§6.3.2)

    @Override
    public void channelAccepted(ServiceChannel channel, byte[] acceptData) {
        // The invitee agreed; it becomes a member with its JOIN, which Meanwhile sends right after.
        if (stateOf(channel) instanceof Invitation invitation) {
            LOG.debug("conference: {} accepted", invitation);
        }
    }

    private void invite(Member inviter, byte[] data) {
        ConferenceWire.Invite invite;
        try {
            invite = ConferenceWire.parseInvite(data);
        } catch (Malformed e) {
            expel(inviter, ErrorCode.ERR_REQUEST_INVALID, e.getMessage());
            return;
        }
        String conference = inviter.conference().name();
        List<Login> logins = community.loginsOf(invite.userId());
        if (logins.isEmpty()) {
            inviteFailed(inviter, invite, ErrorCode.ERR_NO_USER, "'" + brief(invite.userId()) + "' is offline or unknown");
            return;
        }
        Login target = logins.get(0); // the most recently active login (§10 row 18)
        if (!PrivacyRules.allows(target.privacy(), inviter.userId()) || !target.mayUse(ServiceType.CONFERENCE)) {
            inviteFailed(inviter, invite, ErrorCode.ERR_NOT_AUTHORIZED,
                    "'" + invite.userId() + "' does not accept invitations from '" + inviter.userId() + "'");
            return;
        }
        switch (inviter.conference().invite(inviter, target, invite.text(), this::openInvitation)) {
            case SENT:
                LOG.info("conference: {} invited {} (login {}) to '{}'", inviter.userId(), target.userId(),
                        target.loginId(), conference);
                break;
            case LOGIN_GONE:
                inviteFailed(inviter, invite, ErrorCode.ERR_NO_USER, "'" + brief(invite.userId()) + "' just logged out");
                break;
            case ALREADY:
                LOG.debug("conference: login {} of {} is already in or invited to '{}'", target.loginId(),
                        target.userId(), conference);
                break;
            default:
                break; // the inviter left meanwhile: nobody to tell
        }
    }

    /** Runs under the conference's lock (see {@link #openLock}). */
    private ServiceChannel openInvitation(Login target, ChannelRequest request, Invitation invitation) {
        synchronized (openLock) {
            ServiceChannel channel = community.openChannel(target, request, this);
            channel.attach(invitation);
            return channel;
        }
    }

    /**
     * Tells the inviter that nobody was invited: INVITE_FAILED on its conference channel (a message
     * type Meanwhile ignores, see README), and one INFO line. Nothing else changes.
     */
    private static void inviteFailed(Member inviter, ConferenceWire.Invite invite, int reason, String why) {
        LOG.info("conference: invitation by {} to '{}' not delivered: {} ({})", inviter.userId(),
                inviter.conference().name(), why, ErrorCode.name(reason));
        inviter.channel().send(ConferenceWire.INVITE_FAILED, ConferenceWire.inviteFailed(invite.invitee(), reason));
    }

    // ---------------------------------------------------------------- messages (§6.3.3, §6.3.4)

    @Override
    public void received(ServiceChannel channel, int msgType, byte[] data) {
        Object state = stateOf(channel);
        if (state instanceof Member member) {
            fromMember(member, msgType, data);
        } else if (state instanceof Invitation invitation) {
            fromInvitee(channel, invitation, msgType);
        }
        // No state: a channel this service refused; the hub no longer routes it.
    }

    private void fromMember(Member member, int msgType, byte[] data) {
        switch (msgType) {
            case ConferenceWire.MESSAGE:
                message(member, data);
                break;
            case ConferenceWire.INVITE:
                invite(member, data);
                break;
            case ConferenceWire.JOIN:
                LOG.debug("conference: {} sent JOIN again; ignored", member);
                break;
            default:
                expel(member, ErrorCode.ERR_REQUEST_INVALID, "message type 0x" + Integer.toHexString(msgType)
                        + " is not one a client sends");
                break;
        }
    }

    private void message(Member from, byte[] data) {
        if (data.length == 0) {
            return; // Meanwhile ignores empty payloads too (§6.3.4)
        }
        ConferenceWire.Payload payload;
        try {
            payload = ConferenceWire.parseMessage(data);
        } catch (Malformed e) {
            expel(from, ErrorCode.ERR_REQUEST_INVALID, e.getMessage());
            return;
        }
        if (!from.conference().has(from)) {
            return;
        }
        // Logged before the members get it: the chat log in force when the text arrived decides,
        // and whoever sees the echo knows the text has been logged (or not).
        if (payload.isText()) {
            chatRecorder.text(from, payload.text());
        }
        from.conference().post(from, data);
    }

    /** An invitee's channel before its JOIN: only JOIN is allowed there. */
    private void fromInvitee(ServiceChannel channel, Invitation invitation, int msgType) {
        Conference conference = invitation.conference();
        if (msgType == ConferenceWire.JOIN) {
            Member member = conference.admit(channel);
            if (member == null) {
                // Withdrawn because the conference ended, or no member ID left.
                conference.dropInvitation(channel);
                refuse(channel, ErrorCode.ERR_FAILURE, "JOIN to '" + conference.name() + "', which has ended");
                return;
            }
            LOG.debug("conference: {} joined '{}' as member {}", invitation.inviteeUser(), conference.name(), member.id());
            return;
        }
        conference.dropInvitation(channel);
        if (msgType == ConferenceWire.MESSAGE || msgType == ConferenceWire.INVITE) {
            refuse(channel, ErrorCode.ERR_NOT_AUTHORIZED, "message type 0x" + Integer.toHexString(msgType)
                    + " to '" + conference.name() + "' before joining it");
        } else {
            refuse(channel, ErrorCode.ERR_REQUEST_INVALID, "message type 0x" + Integer.toHexString(msgType)
                    + " on an invitation to '" + conference.name() + "'");
        }
    }

    // ---------------------------------------------------------------- leaving (§6.3.5)

    @Override
    public void channelClosed(ServiceChannel channel, int reason, byte[] data) {
        Object state = stateOf(channel);
        if (state instanceof Member member) {
            leave(member);
        } else if (state instanceof Invitation invitation) {
            if (invitation.conference().dropInvitation(channel)) {
                String how = data != null && DECLINED.equals(new String(data, StandardCharsets.UTF_8)) ? "declined"
                        : "closed (" + ErrorCode.name(reason) + ")";
                LOG.info("conference: {} {}", invitation, how);
            }
        }
    }

    private void leave(Member member) {
        if (member.conference().leave(member)) {
            LOG.debug("conference: '{}' ended with its last member {}", member.conference().name(), member.userId());
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The channel's {@link Member} or {@link Invitation}. An invitation channel's answer may arrive
     * before its attachment is set; waiting for {@link #openLock} then lets the opener finish.
     */
    private Object stateOf(ServiceChannel channel) {
        Object state = channel.attachment();
        if (state == null) {
            synchronized (openLock) {
                state = channel.attachment();
            }
        }
        return state;
    }

    /** Bad input from a member: its channel is closed (it leaves, the others get PART); one log line. */
    private void expel(Member member, int reason, String why) {
        LOG.warn("conference: closing the channel of {} in '{}': {} ({})", member.userId(),
                member.conference().name(), why, ErrorCode.name(reason));
        member.channel().close(reason);
        leave(member);
    }

    /** Closes a channel that is no member: one log line, that channel only. */
    private static void refuse(ServiceChannel channel, int reason, String why) {
        LOG.info("conference: closing the channel of {}: {} ({})", channel.login().userId(), why,
                ErrorCode.name(reason));
        channel.close(reason);
    }

    /** A client-chosen string as it goes into the log: never more than 64 characters. */
    private static String brief(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...(" + s.length() + " chars)";
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    // ---------------------------------------------------------------- for tests

    Conference conference(String name) {
        return conferences.get(name);
    }

    int conferenceCount() {
        return conferences.size();
    }
}
