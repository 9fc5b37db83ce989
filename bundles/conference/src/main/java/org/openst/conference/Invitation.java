package org.openst.conference;

/**
 * An invitation channel the server opened toward an invitee (§6.3.2), attached to that channel
 * until the invitee joins (it then becomes a {@link Member}), declines or goes away.
 *
 * @param conference  the conference the invitee is invited to
 * @param inviter     the inviter's user ID, for the log
 * @param inviteeUser the invitee's user ID
 * @param loginId     the invitee's login the channel belongs to
 */
record Invitation(Conference conference, String inviter, String inviteeUser, String loginId) {

    @Override
    public String toString() {
        return "invitation of " + inviteeUser + " to conference '" + conference.name() + "' by " + inviter;
    }
}
