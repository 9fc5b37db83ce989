package org.openst.users.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openst.hub.api.LoginAttempt;
import org.openst.hub.api.LoginDecision;
import org.openst.protocol.ServiceType;

import ch.qos.logback.classic.Level;

/** PID org.openst.users: defaults, parsing, and bad values refused with a log line naming the key. */
class UsersSettingsTest {

    @Test
    void defaults() {
        UsersSettings s = UsersSettings.from(TestConfig.defaults());
        assertFalse(s.guestsEnabled());
        assertEquals("Guest", s.guestName());
        assertEquals(Set.of(ServiceType.IM, ServiceType.AWARENESS, ServiceType.RESOLVE, ServiceType.CONFERENCE,
                ServiceType.PLACE), s.guestServices());
        assertEquals(Duration.ofMinutes(60), s.defaultValidity());
        assertEquals(Duration.ofMinutes(1440), s.maxValidity());
        assertNull(s.tokenKey());
    }

    @Test
    void serviceTypesAreHexOrDecimalAndMayBeListedInOneValue() {
        assertEquals(Set.of(0x1000, 17, 21, 0x80000022), UsersSettings.serviceTypes("k", new String[] {"0x1000, 17", "21 0X80000022"}));
        assertEquals(Set.of(), UsersSettings.serviceTypes("k", new String[] {""}));
        assertEquals(Set.of(0x80000010), UsersSettings.serviceTypes("k", new String[] {"2147483664"}));
    }

    @Test
    void badServiceTypesAreRefusedNamingTheKey() {
        for (String bad : List.of("0xZZ", "IM", "-1", "0x100000000", "4294967296")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> UsersSettings.from(TestConfig.defaults().guests(true, "0x1000", bad)));
            assertTrue(e.getMessage().startsWith("guests.services: '" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void validitiesMustBePositiveAndDefaultWithinMax() {
        assertThrows(IllegalArgumentException.class, () -> UsersSettings.from(TestConfig.defaults().validity(0, 10)));
        assertThrows(IllegalArgumentException.class, () -> UsersSettings.from(TestConfig.defaults().validity(10, 0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UsersSettings.from(TestConfig.defaults().validity(120, 60)));
        assertTrue(e.getMessage().startsWith("token.validity.minutes: 120"), e.getMessage());
        assertEquals(Duration.ofMinutes(60), UsersSettings.from(TestConfig.defaults().validity(60, 60)).maxValidity());
    }

    @Test
    void aBadTokenKeyIsRefusedWithoutEchoingIt() {
        String shortKey = TestUsers.base64Key(5, 16);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UsersSettings.from(TestConfig.defaults().tokenKey(shortKey)));
        assertTrue(e.getMessage().startsWith(".token.key: 16 bytes"), e.getMessage());
        assertFalse(e.getMessage().contains(shortKey));
        assertEquals(32, UsersSettings.from(TestConfig.defaults().tokenKey(TestUsers.base64Key(5, 32))).tokenKey().length);
    }

    @Test
    void aLongGuestNameIsRefusedAndABlankOneIsTheDefault() {
        assertThrows(IllegalArgumentException.class, () -> UsersSettings.from(TestConfig.defaults().guestName("g".repeat(65))));
        assertEquals("Guest", UsersSettings.from(TestConfig.defaults().guestName("  ")).guestName());
    }

    @Test
    void activationWithABadValueStartsOnTheDefaultsWithALogLineNamingPidKeyAndWhy() {
        try (LogCapture log = new LogCapture(UsersAuthority.class)) {
            UsersAuthority authority = new UsersAuthority(TestConfig.defaults().guests(true, "0x1000", "awareness"));
            assertEquals(List.of("org.openst.users: refused configuration: guests.services: 'awareness' is not a service "
                    + "type (write 0x1000 or 4096); starting on the built-in defaults"), log.lines(Level.ERROR));
            LoginAttempt guest = new LoginAttempt("", "", LoginAttempt.SecretKind.PASSWORD, 0x1700, null);
            assertTrue(authority.authenticate(guest) instanceof LoginDecision.Refused, "defaults: no guests");
        }
    }

    @Test
    void aBadModificationKeepsTheConfigurationInForce() {
        UsersAuthority authority = new UsersAuthority(TestConfig.defaults().guests(true));
        try (LogCapture log = new LogCapture(UsersAuthority.class)) {
            authority.modified(TestConfig.defaults().guests(false).validity(5, 1));
            assertEquals(1, log.lines(Level.ERROR).size());
        }
        LoginAttempt guest = new LoginAttempt("", "", LoginAttempt.SecretKind.PASSWORD, 0x1700, null);
        assertTrue(authority.authenticate(guest) instanceof LoginDecision.Guest, "still the old configuration");
        assertEquals(Duration.ofMinutes(60), authority.defaultValidity());

        authority.modified(TestConfig.defaults().guests(false).validity(5, 10));
        assertTrue(authority.authenticate(guest) instanceof LoginDecision.Refused);
        assertEquals(Duration.ofMinutes(5), authority.defaultValidity());
    }
}
