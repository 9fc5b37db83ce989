package org.openst.hub.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.PrivacyUser;

class PrivacyRulesTest {

    @Test
    void allowAllLetsEveryoneThrough() {
        assertTrue(PrivacyRules.allows(PrivacyInfo.allowAll(), "bob"));
    }

    @Test
    void blockAllStopsEveryone() {
        assertFalse(PrivacyRules.allows(new PrivacyInfo(false, List.of()), "bob"));
    }

    @Test
    void denyListBlocksOnlyListedUsersIgnoringCase() {
        PrivacyInfo list = new PrivacyInfo(true, List.of(PrivacyUser.of("Bob")));
        assertFalse(PrivacyRules.allows(list, "bob"));
        assertTrue(PrivacyRules.allows(list, "carol"));
    }

    @Test
    void permitListLetsOnlyListedUsersThrough() {
        PrivacyInfo list = new PrivacyInfo(false, List.of(PrivacyUser.of("carol")));
        assertTrue(PrivacyRules.allows(list, "carol"));
        assertFalse(PrivacyRules.allows(list, "bob"));
    }
}
