package org.openst.places.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.openst.places.api.Place;
import org.openst.places.api.PlaceActivity;
import org.openst.places.api.PlaceMember;
import org.openst.places.service.PlaceMessages.ChatMessage;
import org.openst.places.service.PlaceMessages.OldInvite;
import org.openst.places.service.PlaceMessages.SectionRequest;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.LoginInfo;
import org.openst.protocol.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live place (spec §6.4): its channels, its members, its activities. Every method except the
 * {@link Place} view runs on the place's lane (see {@link PlacesComponent}), so the state needs no
 * lock; the view reads immutable snapshots through volatile fields.
 *
 * <p>Life: LOADING while its definition is read or created (entering channels wait, not yet
 * accepted), OPEN once it is known, CLOSED when its last channel left. A closed room is never
 * reused; the next entry opens a new one.
 */
final class Room implements Place {
    /** Spec §6.4 [REC]: one section per place; Meanwhile needs a non-zero ID. */
    static final int SECTION_ID = 1;

    private static final Logger LOG = LoggerFactory.getLogger(Room.class);

    private enum State { LOADING, OPEN, CLOSED }

    private final String name;
    private final Activities activities;
    private final Supplier<PlaceLimits> limits;
    private final Consumer<Room> onClosed;

    // The view, readable from any thread.
    private volatile String title = "";
    private volatile List<PlaceMember> memberView = List.of();
    private volatile List<String> activityNames = List.of();

    // Lane-confined state.
    private State state = State.LOADING;
    private final List<Occupant> waiting = new ArrayList<>();
    private final Set<Occupant> occupants = new LinkedHashSet<>(); // accepted channels, in entry order
    private final List<PlaceActivity> entered = new ArrayList<>();
    private int nextMemberId = 1;

    Room(String name, Activities activities, Supplier<PlaceLimits> limits, Consumer<Room> onClosed) {
        this.name = name;
        this.activities = activities;
        this.limits = limits;
        this.onClosed = onClosed;
    }

    // ---------------------------------------------------------------- Place (any thread)

    @Override
    public String name() {
        return name;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public List<PlaceMember> members() {
        return memberView;
    }

    @Override
    public List<String> activities() {
        return activityNames;
    }

    @Override
    public String toString() {
        return "place '" + name + "'";
    }

    // ---------------------------------------------------------------- life (lane)

    /** A channel asks to enter: it waits while the definition loads, else it is admitted. */
    void enter(Occupant o) {
        o.room = this;
        if (state == State.LOADING) {
            waiting.add(o);
        } else {
            admit(o);
        }
    }

    /** The definition is known: the place opens, its activities enter, the waiting channels are admitted. */
    void definitionLoaded(String storedTitle) {
        title = storedTitle;
        if (waiting.isEmpty()) {
            // Everybody gave up while the store was busy: nobody ever saw this place open.
            state = State.CLOSED;
            onClosed.accept(this);
            return;
        }
        state = State.OPEN;
        LOG.debug("places: {} opened, title '{}'", this, storedTitle);
        for (PlaceActivity a : activities.snapshot()) {
            activityAdded(a);
        }
        List<Occupant> admitted = new ArrayList<>(waiting);
        waiting.clear();
        for (Occupant o : admitted) {
            admit(o);
        }
    }

    /** The store failed: nobody can enter now; the next entry tries again. */
    void definitionFailed(RuntimeException e) {
        LOG.warn("places: could not read or create the definition of {}: {}", this, e.toString());
        for (Occupant o : waiting) {
            LOG.warn("places: refusing {} entry to {} with ERR_FAILURE: its definition is unavailable", o.who(), this);
            o.channel.close(ErrorCode.ERR_FAILURE);
            o.gone = true;
        }
        waiting.clear();
        state = State.CLOSED;
        onClosed.accept(this);
    }

    private void admit(Occupant o) {
        if (o.gone || !o.channel.isOpen()) {
            o.gone = true;
            return;
        }
        int max = limits.get().maxMembers();
        if (occupants.size() >= max) {
            LOG.warn("places: refusing {} entry to {} with SERVER_FULL: it holds {} channel(s), max.members is {}",
                    o.who(), this, occupants.size(), max);
            o.channel.close(ErrorCode.SERVER_FULL);
            o.gone = true;
            return;
        }
        occupants.add(o);
        // Spec §5.6, §10 row 19: accepted without a cipher, whatever the client offered.
        o.channel.accept(null);
    }

    /** The channel closed (by the client, its logout, or us): it leaves; the last one closes the place. */
    void leave(Occupant o) {
        o.gone = true;
        if (waiting.remove(o) || !occupants.remove(o)) {
            return;
        }
        if (o.isMember()) {
            PlaceMember member = o.member;
            memberView = memberView.stream().filter(m -> m != member).toList();
            // SECTION / PEER / PART (section-scoped, handled by every Meanwhile; see README).
            broadcast(PlaceMessages.SECTION_OUT, PlaceMessages.peerPart(SECTION_ID, member.memberId()), null);
            activities.deliver(entered, "memberLeft", name, a -> a.memberLeft(this, member));
        }
        if (occupants.isEmpty() && state == State.OPEN) {
            close();
        }
    }

    private void close() {
        state = State.CLOSED;
        LOG.debug("places: {} closed", this);
        activities.deliver(entered, "placeClosed", name, a -> a.placeClosed(this));
        onClosed.accept(this);
    }

    /** The bundle stops: channels still open are closed, members leave, the place closes. */
    void shutdown() {
        for (Occupant o : new ArrayList<>(waiting)) {
            o.channel.close(ErrorCode.ERR_SERVICE_NO_SUPPORT);
            o.gone = true;
        }
        waiting.clear();
        for (Occupant o : new ArrayList<>(occupants)) {
            o.channel.close(ErrorCode.ERR_SERVICE_NO_SUPPORT);
            leave(o);
        }
        if (state != State.CLOSED) {
            close();
        }
    }

    /** An activity registered: it enters this place if open (a loading place takes it when it opens). */
    void activityAdded(PlaceActivity activity) {
        if (state != State.OPEN || entered.contains(activity)) {
            return;
        }
        entered.add(activity);
        activityNames = entered.stream().map(Activities::nameOf).toList();
        activities.deliver(List.of(activity), "placeOpened", name, a -> a.placeOpened(this));
    }

    void activityRemoved(PlaceActivity activity) {
        if (entered.remove(activity)) {
            activityNames = entered.stream().map(Activities::nameOf).toList();
        }
    }

    // ---------------------------------------------------------------- messages (lane)

    void received(Occupant o, int msgType, byte[] data) {
        if (o.gone || state != State.OPEN) {
            return;
        }
        try {
            switch (msgType) {
                case PlaceMessages.JOIN_PLACE:
                    join(o, data);
                    break;
                case PlaceMessages.SECTION:
                    section(o, data);
                    break;
                case PlaceMessages.MESSAGE:
                    chat(o, data);
                    break;
                case PlaceMessages.OLD_INVITE:
                    oldInvite(o, data);
                    break;
                case PlaceMessages.SET_ATTR:
                case PlaceMessages.CLEAR_ATTR:
                case PlaceMessages.PEER_INFO:
                case PlaceMessages.UNKNOWN_1E:
                    // Meanwhile sends SET_ATTR with an empty payload (spec §6.4); the others never.
                    LOG.debug("places: {} sent {} in {}; ignored", o.who(), PlaceMessages.name(msgType), this);
                    break;
                default:
                    refuse(o, "unknown message type " + PlaceMessages.name(msgType));
            }
        } catch (ProtocolException e) {
            refuse(o, "malformed " + PlaceMessages.name(msgType) + ": " + e.getMessage());
        }
    }

    /** JOIN_PLACE: JOIN_RESPONSE and INFO to the joiner, SECTION / PEER / JOIN to the members. */
    private void join(Occupant o, byte[] data) {
        if (o.isMember()) {
            refuse(o, "second JOIN_PLACE on one channel");
            return;
        }
        PlaceMessages.parseJoin(data);
        LoginInfo login = o.channel.login().loginInfo();
        int id = nextMemberId++;
        o.record = new MemberRecord(id, login);
        o.member = new PlaceMember(id, login.userId(), login.loginId(), login.userName());
        List<PlaceMember> view = new ArrayList<>(memberView);
        view.add(o.member);
        memberView = List.copyOf(view);

        o.channel.send(PlaceMessages.JOIN_RESPONSE, PlaceMessages.joinResponse(id, SECTION_ID));
        o.channel.send(PlaceMessages.INFO, PlaceMessages.placeInfo(title));
        broadcast(PlaceMessages.SECTION_OUT, PlaceMessages.peerJoin(SECTION_ID, o.record), o);
        PlaceMember member = o.member;
        activities.deliver(entered, "memberEntered", name, a -> a.memberEntered(this, member));
    }

    /** SECTION: a LIST request is answered with every member; a PART request is ignored (the destroy follows it). */
    private void section(Occupant o, byte[] data) {
        SectionRequest request = PlaceMessages.parseSection(data);
        if (request.subtype() == PlaceMessages.SECTION_PART_REQUEST) {
            LOG.debug("places: {} sent SECTION PART in {}; its channel destroy does the leaving", o.who(), this);
            return;
        }
        if (request.subtype() != PlaceMessages.SECTION_LIST_REQUEST) {
            refuse(o, "unknown SECTION subtype 0x" + Integer.toHexString(request.subtype()));
            return;
        }
        if (!o.isMember()) {
            refuse(o, "SECTION LIST before JOIN_PLACE");
            return;
        }
        if (request.section() != SECTION_ID) {
            refuse(o, "SECTION LIST of section " + Integer.toUnsignedString(request.section())
                    + ", the place has only section " + SECTION_ID);
            return;
        }
        List<MemberRecord> records = new ArrayList<>();
        for (Occupant other : occupants) {
            if (other.isMember()) {
                records.add(other.record);
            }
        }
        o.channel.send(PlaceMessages.SECTION_OUT, PlaceMessages.sectionList(SECTION_ID, records));
    }

    /** MESSAGE: relayed to every member including the sender (Pidgin shows only the server's copy), encoded once. */
    private void chat(Occupant o, byte[] data) {
        if (!o.isMember()) {
            refuse(o, "MESSAGE before JOIN_PLACE");
            return;
        }
        ChatMessage message = PlaceMessages.parseMessage(data);
        if (message.section() != SECTION_ID) {
            refuse(o, "MESSAGE for section " + Integer.toUnsignedString(message.section())
                    + ", the member is in section " + SECTION_ID);
            return;
        }
        PlaceMember from = o.member;
        // Activities (the chat log) first: whoever sees the message knows they have had it.
        activities.deliver(entered, "messageSent", name, a -> a.messageSent(this, from, message.text()));
        broadcast(PlaceMessages.MESSAGE_OUT, PlaceMessages.message(from.memberId(), SECTION_ID, message.payload()),
                null);
    }

    /**
     * OLD_INVITE (Pidgin's "invite to chat" in a place): not served. The invitee would need a
     * conference-style invitation (spec §10 row 14) that then behaves as a conference, which is
     * the conference bundle's service; the inviter stays in the place.
     */
    private void oldInvite(Occupant o, byte[] data) {
        OldInvite invite = PlaceMessages.parseOldInvite(data);
        LOG.info("places: {} invited '{}' to {}; place invitations are not supported, ignored", o.who(),
                invite.invitee().user(), this);
    }

    /** Sends one encoded message to every member except {@code except} (null: all). */
    private void broadcast(int msgType, byte[] data, Occupant except) {
        for (Occupant other : occupants) {
            if (other != except && other.isMember()) {
                other.channel.send(msgType, data);
            }
        }
    }

    /** Ends a channel that broke the protocol: a WARN line, ERR_REQUEST_INVALID, and it leaves. */
    private void refuse(Occupant o, String why) {
        LOG.warn("places: closing the channel of {} in {} with ERR_REQUEST_INVALID: {}", o.who(), this, why);
        o.channel.close(ErrorCode.ERR_REQUEST_INVALID);
        leave(o);
    }
}
