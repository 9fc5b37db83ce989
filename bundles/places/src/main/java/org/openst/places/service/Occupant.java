package org.openst.places.service;

import org.openst.hub.api.Login;
import org.openst.hub.api.ServiceChannel;
import org.openst.places.api.PlaceMember;

/**
 * One place channel, attached to its {@link ServiceChannel}. Created on the network thread; its
 * mutable fields are touched only on the place's lane (see {@link PlacesComponent}).
 */
final class Occupant {
    final ServiceChannel channel;
    final String placeName;
    /** The title the client asked for; used only when the place is new. */
    final String requestedTitle;

    /** The place it entered (lane only); null until its entry was processed. */
    Room room;
    /** Set by JOIN_PLACE (lane only); null while the channel is not a member. */
    MemberRecord record;
    PlaceMember member;
    /** The channel is closed, by either side (lane only). */
    boolean gone;

    Occupant(ServiceChannel channel, String placeName, String requestedTitle) {
        this.channel = channel;
        this.placeName = placeName;
        this.requestedTitle = requestedTitle;
    }

    boolean isMember() {
        return member != null;
    }

    /** "user (login id)" for log lines. */
    String who() {
        Login login = channel.login();
        return login.userId() + " (login " + login.loginId() + ")";
    }
}
