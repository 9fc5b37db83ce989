package org.openst.users.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.openst.support.testing.MutableClock;

/** {@code openst:token <userId> [minutes]}. */
class TokenCommandTest {
    private final MutableClock clock = new MutableClock(TestUsers.START);
    private final UsersAuthority tokens = TestUsers.authority(TestConfig.defaults().validity(30, 120), clock,
            TestDirectory.demo(), new MemoryConfigRecords());
    private final TokenCommand command = new TokenCommand(tokens, clock);

    @Test
    void printsATokenWithTheDefaultValidityAndItsExpiry() {
        String[] lines = command.token("alice").split("\n");
        assertEquals("Login token for alice, valid 30 minutes, until 2030-01-01T00:30:00Z:", lines[0]);
        assertEquals(Optional.of("alice"), tokens.verify(lines[1]));
        assertTrue(lines[2].contains("as the password"), lines[2]);
    }

    @Test
    void takesTheValidityInMinutes() {
        String out = command.token("bob", 90);
        assertTrue(out.startsWith("Login token for bob, valid 90 minutes, until 2030-01-01T01:30:00Z:"), out);
        String token = out.split("\n")[1];
        clock.advance(Duration.ofMinutes(90));
        assertEquals(Optional.empty(), tokens.verify(token));
    }

    @Test
    void refusesBadArgumentsWithAClearMessage() {
        assertEquals("minutes must be a positive number, not 0",
                assertThrows(IllegalArgumentException.class, () -> command.token("alice", 0)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> command.token("alice", 121)).getMessage()
                .contains("maximum of 120 minutes"));
        assertEquals("unknown or disabled user: mallory",
                assertThrows(IllegalArgumentException.class, () -> command.token("mallory")).getMessage());
    }
}
