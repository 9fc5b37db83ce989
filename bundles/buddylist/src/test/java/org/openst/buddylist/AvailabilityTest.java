package org.openst.buddylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openst.hub.api.Login;
import org.openst.protocol.UserStatus;
import org.openst.protocol.UserStatusCode;
import org.openst.support.testing.FakeLogin;

/** Spec §6.2.1 [REC]: ACTIVE > IDLE > AWAY > BUSY. */
class AvailabilityTest {

    @Test
    void statusesRankAsTheSpecRecommends() {
        int active = rank(UserStatusCode.ACTIVE);
        int idle = rank(UserStatusCode.IDLE);
        int away = rank(UserStatusCode.AWAY);
        int busy = rank(UserStatusCode.BUSY);
        assertTrue(active < idle && idle < away && away < busy && busy < rank(0x1234));
        assertEquals(away, rank(UserStatusCode.AWAY | UserStatusCode.MOBILE), "MOBILE is a flag");
    }

    @Test
    void theMostAvailableLoginWinsAndTiesKeepTheReportedOne() {
        Login away = FakeLogin.of("a", "bob", UserStatusCode.AWAY);
        Login active1 = FakeLogin.of("b", "bob", UserStatusCode.ACTIVE);
        Login active2 = FakeLogin.of("c", "bob", UserStatusCode.ACTIVE);
        assertEquals(active1, Availability.mostAvailable(List.of(away, active1, active2), null));
        assertEquals(active2, Availability.mostAvailable(List.of(away, active1, active2), "c"));
        assertEquals(active1, Availability.mostAvailable(List.of(away, active1, active2), "a"));
        assertNull(Availability.mostAvailable(List.of(), null));
    }

    private static int rank(int code) {
        return Availability.rank(new UserStatus(code, 0, ""));
    }
}
