package org.openst.hub.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoginIdsTest {

    @Test
    void loginIdNamesItsHub() {
        String id = LoginIds.of("k3x9q2abcdef", "hub-2");
        assertEquals("k3x9q2abcdef#hub-2", id);
        assertTrue(LoginIds.isLoginId(id));
        assertEquals("hub-2", LoginIds.hubOf(id));
    }

    @Test
    void userIdsAreNotLoginIds() {
        assertFalse(LoginIds.isLoginId("alice"));
        assertFalse(LoginIds.isLoginId("a#hub1"), "unique part too short for RC2/40 keys");
        assertFalse(LoginIds.isLoginId("abcdefgh#"));
        assertFalse(LoginIds.isLoginId(null));
        assertThrows(IllegalArgumentException.class, () -> LoginIds.hubOf("alice"));
    }

    @Test
    void badHubIdsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LoginIds.requireValidHubId(""));
        assertThrows(IllegalArgumentException.class, () -> LoginIds.requireValidHubId("hub#1"));
        assertThrows(IllegalArgumentException.class, () -> LoginIds.requireValidHubId("hub 1"));
        assertThrows(IllegalArgumentException.class, () -> LoginIds.of("abc", "hub1"));
    }
}
