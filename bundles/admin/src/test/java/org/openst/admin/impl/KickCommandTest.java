package org.openst.admin.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openst.protocol.ErrorCode;
import org.openst.support.testing.FakeLogin;
import org.openst.support.testing.FakeCommunity;

class KickCommandTest {

    private final FakeLogin alice = FakeLogin.of("alice");
    private final FakeLogin bob = FakeLogin.of("bob");
    private final FakeCommunity community = new FakeCommunity().with(alice, bob);
    private final KickCommand command = new KickCommand(community);

    @Test
    void theReasonIsAnnouncedToTheUserThenTheLoginEndsWithTheDefaultCode() {
        String out = command.kick("alice-login#hub1", "maintenance", "of", "your", "account");
        assertEquals("kicked alice-login#hub1 (alice, 127.0.0.1:40000, 0x1700 Meanwhile) with USER_RESTRICTED (0x80000210);"
                + " told the user: maintenance of your account", out);
        assertEquals(List.of("admin alice: The administrator disconnected you: maintenance of your account",
                "kick alice-login#hub1 0x80000210"), community.calls);
        assertEquals(List.of(bob), community.live);
    }

    @Test
    void withoutAReasonNothingIsAnnounced() {
        command.kick("bob-login#hub1");
        assertEquals(List.of("kick bob-login#hub1 0x80000210"), community.calls);
    }

    @Test
    void aUserWithSeveralLoginsIsToldWhichOneEnded() {
        community.with(FakeLogin.named("alice-2#hub1", "alice", "ALICE"));
        command.kick("alice-2#hub1", "duplicate session");
        assertEquals("admin alice: The administrator disconnected your login from 127.0.0.1 (Meanwhile): duplicate session",
                community.calls.get(0));
    }

    @Test
    void theCodeIsChosenByNameOrNumber() {
        assertTrue(command.kick("--code", "connection_closed", "bob-login#hub1").contains("with CONNECTION_CLOSED (0x80000226)"));
        assertEquals(ErrorCode.MULTI_SERVER_LOGIN, KickCommand.parseCode("MULTI_SERVER_LOGIN"));
        assertEquals(ErrorCode.ERR_NOT_AUTHORIZED, KickCommand.parseCode("not_authorized"));
        assertEquals(ErrorCode.SERVER_BROKEN, KickCommand.parseCode("0x8000022b"));
        assertEquals(ErrorCode.SERVER_BROKEN, KickCommand.parseCode("2147484203"));
    }

    @Test
    void badInputIsRefusedInOneLineAndNobodyIsKicked() {
        assertEquals("no login nobody#hub1 (openst:sessions lists them)",
                assertThrows(IllegalArgumentException.class, () -> command.kick("nobody#hub1", "bye")).getMessage());
        assertEquals(KickCommand.USAGE, assertThrows(IllegalArgumentException.class, () -> command.kick()).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> command.kick("--code", "0x226", "bob-login#hub1"))
                .getMessage().startsWith("code 0x00000226 has no error bit"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> command.kick("--code", "GONE", "bob-login#hub1"))
                .getMessage().startsWith("unknown code GONE"));
        assertEquals("not a code: 0xZZ", assertThrows(IllegalArgumentException.class,
                () -> command.kick("--code", "0xZZ", "bob-login#hub1")).getMessage());
        assertEquals(List.of(), community.calls);
    }
}
