package org.openst.conference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.openst.hub.api.ChannelRequest;
import org.openst.hub.api.Login;
import org.openst.hub.api.ServiceChannel;
import org.openst.protocol.ServiceType;

/**
 * One conference (§6.3): its members and the invitations still open. Every operation holds the
 * conference's own lock (this object's monitor), so the members' channels see one order of events:
 * a member gets its WELCOME before any JOIN, PART or MESSAGE of the conference, and every member
 * sees the same sequence. Sends under the lock are fine: {@link ServiceChannel#send} never blocks.
 */
final class Conference {

    private static final int MAX_MEMBER_ID = 0xFFFF;

    /** Opens the channel of an invitation toward a login and attaches the invitation to it. */
    interface InvitationOpener {
        /** @throws IllegalStateException when the login is no longer live */
        ServiceChannel open(Login target, ChannelRequest request, Invitation invitation);
    }

    /** What became of an invitation. */
    enum InviteOutcome {
        SENT,
        /** That login is already a member or already invited: nothing sent. */
        ALREADY,
        /** The inviter is no member (any more) or the conference ended: nothing sent. */
        NOT_MEMBER,
        /** The invitee's login ended while the invitation was being opened. */
        LOGIN_GONE
    }

    private final String name;
    private final String title;
    private final Consumer<Conference> onEnded;
    /** Members in join order, by member ID: WELCOME lists them in this order. */
    private final Map<Integer, Member> members = new LinkedHashMap<>();
    private final Set<ServiceChannel> invitations = Collections.newSetFromMap(new IdentityHashMap<>());
    private int nextId = 1;
    private boolean ended;

    /**
     * @param onEnded called (under this conference's lock) once, when the last member has left
     */
    Conference(String name, String title, Consumer<Conference> onEnded) {
        this.name = name;
        this.title = title;
        this.onEnded = onEnded;
    }

    String name() {
        return name;
    }

    String title() {
        return title;
    }

    /**
     * A login's own conference channel joins: the creator's, or anybody's create naming an existing
     * conference (§6.3.1 [REC]). Accepts the channel, then sends WELCOME to it and JOIN to the others.
     *
     * @return the new member; null when the conference has just ended (create it anew) or is full
     */
    synchronized Member join(ServiceChannel channel) {
        if (ended) {
            return null;
        }
        int id = allocateId();
        if (id < 0) {
            return null;
        }
        Member member = new Member(this, id, channel, channel.login().loginInfo());
        channel.attach(member);
        channel.accept(null); // §6.3.1: empty addtl, no cipher
        admitMember(member);
        return member;
    }

    /** Whether this conference has ended: its name is free for a new one. */
    /** Whether {@code member} is (still) a member of this conference. */
    synchronized boolean has(Member member) {
        return members.get(member.id()) == member;
    }

    synchronized boolean hasEnded() {
        return ended;
    }

    /**
     * An invitee sent JOIN on its accepted invitation channel (§6.3.2): it becomes a member.
     *
     * @return the new member; null when the invitation is no longer open here (withdrawn, or the
     *         member IDs are exhausted)
     */
    synchronized Member admit(ServiceChannel channel) {
        if (ended || !invitations.contains(channel)) {
            return null;
        }
        int id = allocateId();
        if (id < 0) {
            return null;
        }
        invitations.remove(channel);
        Member member = new Member(this, id, channel, channel.login().loginInfo());
        channel.attach(member);
        admitMember(member);
        return member;
    }

    /** WELCOME to the new member first, then JOIN to every other member (§6.3.3). */
    private void admitMember(Member member) {
        members.put(member.id(), member);
        member.channel().send(ConferenceWire.WELCOME,
                ConferenceWire.welcome(name, title, member.id(), members.values()));
        Broadcast.send(members.values(), member, ConferenceWire.JOIN, ConferenceWire.join(member));
    }

    /**
     * A member left (its channel closed, §6.3.5): PART to the others; the conference ends with its
     * last member, and open invitations are then withdrawn (closed with reason 0).
     *
     * @return true when this was the last member
     */
    synchronized boolean leave(Member member) {
        if (members.get(member.id()) != member) {
            return false;
        }
        members.remove(member.id());
        if (!members.isEmpty()) {
            Broadcast.send(members.values(), null, ConferenceWire.PART, ConferenceWire.part(member.id()));
            return false;
        }
        ended = true;
        for (ServiceChannel invitation : invitations) {
            invitation.close(0);
        }
        invitations.clear();
        onEnded.accept(this);
        return true;
    }

    /**
     * Relays a member's MESSAGE payload, exactly as received, to every member including the sender
     * (§6.3.4: Pidgin shows its own lines only when the server echoes them).
     *
     * @return how many members it was sent to; 0 when the sender is no member
     */
    synchronized int post(Member from, byte[] payload) {
        if (!has(from)) {
            return 0;
        }
        // Encoded once here; Broadcast hands this same array to every member's channel.
        byte[] encoded = ConferenceWire.message(from.id(), payload);
        return Broadcast.send(members.values(), null, ConferenceWire.MESSAGE, encoded);
    }

    /**
     * Invites a login (§6.3.2): opens a channel toward it whose creator is the inviter and whose addtl
     * is the invitation Meanwhile reads.
     */
    synchronized InviteOutcome invite(Member inviter, Login target, String text, InvitationOpener opener) {
        if (ended || members.get(inviter.id()) != inviter) {
            return InviteOutcome.NOT_MEMBER;
        }
        if (isMemberOrInvited(target.loginId())) {
            return InviteOutcome.ALREADY;
        }
        byte[] addtl = ConferenceWire.invitation(name, title, inviter.info(), text);
        ChannelRequest request = new ChannelRequest(ServiceType.CONFERENCE, ConferenceWire.PROTO_TYPE,
                ConferenceWire.PROTO_VERSION, addtl, inviter.info());
        Invitation invitation = new Invitation(this, inviter.userId(), target.userId(), target.loginId());
        try {
            invitations.add(opener.open(target, request, invitation));
            return InviteOutcome.SENT;
        } catch (IllegalStateException e) {
            return InviteOutcome.LOGIN_GONE;
        }
    }

    private boolean isMemberOrInvited(String loginId) {
        for (Member m : members.values()) {
            if (m.channel().login().loginId().equals(loginId)) {
                return true;
            }
        }
        for (ServiceChannel c : invitations) {
            if (c.login().loginId().equals(loginId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An invitation is over without a join (declined, login gone, or its channel closed by the
     * service).
     *
     * @return true when it was still open
     */
    synchronized boolean dropInvitation(ServiceChannel channel) {
        return invitations.remove(channel);
    }

    /** Ends the conference without PARTs (the service stops): every channel is closed with {@code reason}. */
    synchronized void close(int reason) {
        ended = true;
        for (Member m : members.values()) {
            m.channel().close(reason);
        }
        for (ServiceChannel invitation : invitations) {
            invitation.close(reason);
        }
        members.clear();
        invitations.clear();
    }

    synchronized List<Member> members() {
        return new ArrayList<>(members.values());
    }

    synchronized int invitationCount() {
        return invitations.size();
    }

    /** The next free member ID, 1..65535, or -1 when all are taken. */
    private int allocateId() {
        for (int tries = 0; tries < MAX_MEMBER_ID; tries++) {
            int id = nextId;
            nextId = nextId == MAX_MEMBER_ID ? 1 : nextId + 1;
            if (!members.containsKey(id)) {
                return id;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "conference '" + name + "'";
    }
}
