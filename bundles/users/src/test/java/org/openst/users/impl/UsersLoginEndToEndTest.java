package org.openst.users.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openst.client.ChannelRefusedException;
import org.openst.client.LoginRefusedException;
import org.openst.client.SametimeClient;
import org.openst.hub.api.Login;
import org.openst.hub.core.Clients;
import org.openst.hub.core.TestHub;
import org.openst.protocol.AuthType;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.LoginInfo;
import org.openst.support.testing.MutableClock;

/**
 * The authority in a real hub, with Java clients on the wire: what a user sees when logging in with
 * a password, a token, a token pasted as the password, or as a guest, and when back ends are away.
 */
class UsersLoginEndToEndTest {
    private final MutableClock clock = new MutableClock(TestUsers.START);
    private final TestDirectory directory = TestDirectory.demo();
    private final MemoryConfigRecords storage = new MemoryConfigRecords();
    private TestHub hub;

    private UsersAuthority start(TestConfig config, TestDirectory dir, MemoryConfigRecords records) throws IOException {
        UsersAuthority authority = TestUsers.authority(config, clock, dir, records);
        hub = new TestHub();
        hub.setAuthority(authority);
        return authority;
    }

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    private SametimeClient connect() throws IOException {
        return SametimeClient.connect("127.0.0.1", hub.port());
    }

    private int refusal(String name, String password) throws IOException {
        try (SametimeClient c = connect()) {
            return assertThrows(LoginRefusedException.class, () -> c.login(name, password)).reason();
        }
    }

    private static void assertCode(int expected, int actual) {
        assertEquals(ErrorCode.name(expected), ErrorCode.name(actual));
    }

    @Test
    void aPasswordLoginGetsTheDirectorysIdAndName() throws IOException {
        start(TestConfig.defaults(), directory, storage);
        try (Clients alice = Clients.login(hub, "Alice", "alice-pw")) {
            LoginInfo info = alice.client().loginInfo();
            assertEquals("alice", info.userId());
            assertEquals("Alice Example", info.userName());
        }
    }

    @Test
    void wrongPasswordsAndUnknownUsersAreBothIncorrectLogins() throws IOException {
        start(TestConfig.defaults(), directory, storage);
        assertCode(ErrorCode.INCORRECT_LOGIN, refusal("alice", "nope"));
        assertCode(ErrorCode.INCORRECT_LOGIN, refusal("mallory", "nope"));
    }

    @Test
    void aDisabledUserIsRestricted() throws IOException {
        start(TestConfig.defaults(), directory, storage);
        assertCode(ErrorCode.USER_RESTRICTED, refusal("dave", "dave-pw"));
    }

    @Test
    void aTokenLogsInWithTheTokenAuthType() throws IOException {
        UsersAuthority authority = start(TestConfig.defaults(), directory, storage);
        String token = authority.issue("alice", Duration.ofMinutes(10));
        try (SametimeClient c = connect()) {
            LoginInfo info = c.loginWithToken("alice", token);
            assertEquals("alice", info.userId());
            assertEquals("Alice Example", info.userName());
            assertEquals(AuthType.TOKEN, c.authTypeUsed());
        }
    }

    @Test
    void aTokenPastedAsThePasswordLogsInLikePidgin() throws IOException {
        UsersAuthority authority = start(TestConfig.defaults(), directory, storage);
        String token = authority.issue("bob", Duration.ofMinutes(10));
        try (SametimeClient c = connect()) {
            assertEquals("bob", c.login("bob", token).userId());
            assertEquals(AuthType.RC2_128, c.authTypeUsed());
        }
    }

    @Test
    void anExpiredTokenOrAnotherUsersTokenIsAnIncorrectLogin() throws IOException {
        UsersAuthority authority = start(TestConfig.defaults(), directory, storage);
        String bobs = authority.issue("bob", Duration.ofMinutes(10));
        try (SametimeClient c = connect()) {
            assertCode(ErrorCode.INCORRECT_LOGIN, assertThrows(LoginRefusedException.class,
                    () -> c.loginWithToken("alice", bobs)).reason());
        }
        clock.advance(Duration.ofMinutes(10));
        try (SametimeClient c = connect()) {
            assertCode(ErrorCode.INCORRECT_LOGIN, assertThrows(LoginRefusedException.class,
                    () -> c.loginWithToken("bob", bobs)).reason());
        }
        assertCode(ErrorCode.INCORRECT_LOGIN, refusal("bob", bobs));
    }

    @Test
    void aGuestIsAddressedByItsLoginIdAndNamedByItsPassword() throws IOException {
        start(TestConfig.defaults().guests(true), directory, storage);
        try (Clients guest = Clients.login(hub, "", "Visiting Vic")) {
            LoginInfo info = guest.client().loginInfo();
            assertEquals(info.loginId(), info.userId());
            assertEquals("Visiting Vic", info.userName());
            Login login = hub.community().login(info.loginId()).orElseThrow();
            assertTrue(login.isGuest());
        }
    }

    @Test
    void guestsAreRefusedWhenNotEnabled() throws IOException {
        start(TestConfig.defaults(), directory, storage);
        assertCode(ErrorCode.INCORRECT_LOGIN, refusal("", "Visiting Vic"));
    }

    @Test
    void aGuestMayNotUseAServiceThatIsNotListed() throws IOException {
        start(TestConfig.defaults().guests(true, "0x1000"), directory, storage);
        try (Clients guest = Clients.login(hub, "", "")) {
            ChannelRefusedException refused = assertThrows(ChannelRefusedException.class,
                    () -> guest.client().openServiceChannel(0x11, 0x11, 0x00030005, new byte[0]));
            assertCode(ErrorCode.ERR_NOT_AUTHORIZED, refused.reason());
            assertTrue(guest.client().isConnected(), "only the channel is refused");
        }
    }

    @Test
    void withoutADirectoryLoginsAreDown() throws IOException {
        start(TestConfig.defaults(), null, storage);
        assertCode(ErrorCode.VERIFICATION_DOWN, refusal("alice", "alice-pw"));
    }

    @Test
    void aThrowingDirectoryMeansVerificationDownAndTheHubStaysUp() throws IOException {
        start(TestConfig.defaults(), directory, storage);
        directory.throwing = true;
        assertCode(ErrorCode.VERIFICATION_DOWN, refusal("alice", "alice-pw"));
        directory.throwing = false;
        try (Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            assertEquals("alice", alice.client().loginInfo().userId());
        }
    }

    @Test
    void withoutStoragePasswordsWorkAndTokensAreDown() throws IOException {
        UsersAuthority authority = start(TestConfig.defaults(), directory, storage);
        String token = authority.issue("alice", Duration.ofMinutes(10));
        authority.unbindConfigRecords(storage);
        try (Clients alice = Clients.login(hub, "alice", "alice-pw")) {
            assertEquals("alice", alice.client().loginInfo().userId());
        }
        try (SametimeClient c = connect()) {
            assertCode(ErrorCode.VERIFICATION_DOWN, assertThrows(LoginRefusedException.class,
                    () -> c.loginWithToken("alice", token)).reason());
        }
    }
}
