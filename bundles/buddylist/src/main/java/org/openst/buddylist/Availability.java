package org.openst.buddylist;

import java.util.List;

import org.openst.hub.api.Login;
import org.openst.protocol.UserStatus;
import org.openst.protocol.UserStatusCode;

/** Which of a user's logins presence reports (spec §6.2.1 [REC]: the most available one). */
final class Availability {
    private Availability() {
    }

    /**
     * Lower is more available: ACTIVE, IDLE, AWAY, BUSY, then any other code. The MOBILE flag
     * (§7.1) is ignored: a mobile login is as available as its base status.
     */
    static int rank(UserStatus status) {
        switch (status.status() & ~UserStatusCode.MOBILE) {
            case UserStatusCode.ACTIVE:
                return 0;
            case UserStatusCode.IDLE:
                return 1;
            case UserStatusCode.AWAY:
                return 2;
            case UserStatusCode.BUSY:
                return 3;
            default:
                return 4;
        }
    }

    /**
     * The login to report among {@code logins} (most recently active first, as
     * {@code Community.loginsOf} orders them): the most available; among equals the one reported
     * so far, so that keepalives reordering the list do not flip the reported login ID; else the
     * most recently active.
     *
     * @param reportedLoginId the login reported so far, or null
     * @return null when the list is empty
     */
    static Login mostAvailable(List<Login> logins, String reportedLoginId) {
        Login best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Login l : logins) {
            int rank = rank(l.status());
            if (rank < bestRank || rank == bestRank && l.loginId().equals(reportedLoginId)) {
                best = l;
                bestRank = rank;
            }
        }
        return best;
    }
}
