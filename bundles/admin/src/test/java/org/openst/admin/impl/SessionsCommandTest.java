package org.openst.admin.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.openst.hub.api.Login;
import org.openst.protocol.LoginInfo;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.UserStatus;
import org.openst.protocol.UserStatusCode;
import org.openst.support.testing.FakeLogin;
import org.openst.support.testing.FakeCommunity;

class SessionsCommandTest {

    private final FakeLogin bob = FakeLogin.named("B2#hub1", "bob", "Bob Builder");
    private final FakeLogin alice = new FakeLogin("A1#hub1", "alice", "Alice Example",
            new UserStatus(UserStatusCode.AWAY | UserStatusCode.MOBILE, 0, "At\nlunch"), PrivacyInfo.allowAll());
    private final FakeLogin alice2 = FakeLogin.named("A0#hub1", "alice", "Alice Example");
    private final FakeCommunity community = new FakeCommunity().with(bob, alice, alice2);
    private final SessionsCommand command = new SessionsCommand(community);

    @Test
    void listsEveryLoginOneLineEachOrderedByUserAlignedInStableColumns() {
        assertEquals("""
                user   name           login ID  address          client            since                 status
                alice  Alice Example  A0#hub1   127.0.0.1:40000  0x1700 Meanwhile  1970-01-01T00:00:00Z  active
                alice  Alice Example  A1#hub1   127.0.0.1:40000  0x1700 Meanwhile  1970-01-01T00:00:00Z  away mobile "At lunch"
                bob    Bob Builder    B2#hub1   127.0.0.1:40000  0x1700 Meanwhile  1970-01-01T00:00:00Z  active
                3 sessions""", command.sessions());
    }

    @Test
    void filtersByUser() {
        String out = command.sessions("BOB");
        assertEquals("""
                user  name         login ID  address          client            since                 status
                bob   Bob Builder  B2#hub1   127.0.0.1:40000  0x1700 Meanwhile  1970-01-01T00:00:00Z  active
                1 session""", out);
    }

    @Test
    void saysWhenNobodyOrTheUserIsOffline() {
        assertEquals("carol is not online", assertThrows(IllegalArgumentException.class, () -> command.sessions("carol")).getMessage());
        assertEquals("no sessions", new SessionsCommand(new FakeCommunity()).sessions());
    }

    /** A guest: its user ID is its login ID (hub-api {@code LoginDecision.Guest}). */
    private record GuestLogin(FakeLogin named) implements Login {
        public String loginId() { return named.loginId(); }
        public String userId() { return named.loginId(); }
        public String userName() { return named.userName(); }
        public int loginType() { return named.loginType(); }
        public InetSocketAddress remoteAddress() { return named.remoteAddress(); }
        public Instant since() { return named.since(); }
        public UserStatus status() { return named.status(); }
        public PrivacyInfo privacy() { return named.privacy(); }
        public LoginInfo loginInfo() { return named.loginInfo(); }
        public boolean isGuest() { return true; }
        public boolean mayUse(int serviceType) { return serviceType == 0x1000; }
        public boolean isActive() { return true; }
    }

    @Test
    void aGuestShowsAsGuestWithTheNameItChose() {
        Login guest = new GuestLogin(FakeLogin.named("G7#hub1", "G7#hub1", "Visitor"));
        String out = new SessionsCommand(new FakeCommunity().with(guest)).sessions();
        assertEquals("(guest)  Visitor  G7#hub1   127.0.0.1:40000  0x1700 Meanwhile  1970-01-01T00:00:00Z  active", out.split("\\n")[1]);
    }

    @Test
    void namesKnownClientTypesAndStatuses() {
        assertEquals("0x1002 Lotus Sametime Connect", SessionsCommand.client(0x1002));
        assertEquals("0x4321", SessionsCommand.client(0x4321));
        assertEquals("idle", SessionsCommand.status(new UserStatus(UserStatusCode.IDLE, 5, "")));
        assertEquals("busy \"in a meeting\"", SessionsCommand.status(new UserStatus(UserStatusCode.BUSY, 0, "in a meeting")));
        assertEquals("0x0030", SessionsCommand.status(new UserStatus(0x30, 0, "")));
    }
}
