package org.openst.conference;

import org.openst.hub.api.ServiceChannel;
import org.openst.protocol.LoginInfo;

/**
 * One member of a conference: a login's conference channel after it joined. Attached to that
 * channel ({@link ServiceChannel#attach}).
 *
 * @param conference the conference
 * @param id         the member ID, unique within the conference (§6.3.3)
 * @param channel    the member's conference channel
 * @param info       the member as the others see it in WELCOME and JOIN
 */
record Member(Conference conference, int id, ServiceChannel channel, LoginInfo info) {

    String userId() {
        return channel.login().userId();
    }

    @Override
    public String toString() {
        return "member " + id + " (" + userId() + ") of conference '" + conference.name() + "'";
    }
}
