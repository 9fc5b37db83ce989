package org.openst.users.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openst.directory.api.Authentication;
import org.openst.directory.api.Directory;
import org.openst.directory.api.DirectoryUser;
import org.openst.hub.api.LoginAttempt;
import org.openst.hub.api.LoginDecision;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.ServiceType;
import org.openst.support.testing.MutableClock;

import ch.qos.logback.classic.Level;

/** Every decision of the authority, and the LoginTokens contract, without a hub. */
class UsersAuthorityTest {
    private final MutableClock clock = new MutableClock(TestUsers.START);
    private final TestDirectory directory = TestDirectory.demo();
    private final MemoryConfigRecords storage = new MemoryConfigRecords();
    private final UsersAuthority authority = TestUsers.authority(TestConfig.defaults(), clock, directory, storage);

    private static LoginAttempt password(String name, String secret) {
        return new LoginAttempt(name, secret, LoginAttempt.SecretKind.PASSWORD, 0x1700, null);
    }

    private static LoginAttempt token(String name, String secret) {
        return new LoginAttempt(name, secret, LoginAttempt.SecretKind.TOKEN, 0x1700, null);
    }

    private static void assertRefused(int reason, LoginDecision decision) {
        LoginDecision.Refused refused = assertInstanceOf(LoginDecision.Refused.class, decision);
        assertEquals(ErrorCode.name(reason), ErrorCode.name(refused.reason()), refused.detail());
    }

    // ---------------------------------------------------------------- passwords

    @Test
    void aGoodPasswordLogsInTheDirectorysUser() {
        assertEquals(new LoginDecision.User("alice", "Alice Example"), authority.authenticate(password("ALICE", "alice-pw")));
    }

    @Test
    void unknownUsersAndWrongPasswordsGetTheSameCode() {
        // Spec §7.3: one code, so names cannot be probed; the detail (log only) differs.
        LoginDecision unknown = authority.authenticate(password("mallory", "x"));
        LoginDecision wrong = authority.authenticate(password("alice", "x"));
        assertRefused(ErrorCode.INCORRECT_LOGIN, unknown);
        assertRefused(ErrorCode.INCORRECT_LOGIN, wrong);
        assertEquals("unknown user", ((LoginDecision.Refused) unknown).detail());
        assertEquals("wrong password", ((LoginDecision.Refused) wrong).detail());
    }

    @Test
    void aDisabledAccountIsRestricted() {
        assertRefused(ErrorCode.USER_RESTRICTED, authority.authenticate(password("dave", "dave-pw")));
    }

    @Test
    void aDirectoryThatCannotAnswerMeansVerificationDown() {
        String token = issueAsAdmin("alice");
        directory.unavailable = true;
        assertRefused(ErrorCode.VERIFICATION_DOWN, authority.authenticate(password("alice", "alice-pw")));
        directory.unavailable = false;
        directory.throwing = true;
        assertRefused(ErrorCode.VERIFICATION_DOWN, authority.authenticate(password("alice", "alice-pw")));
        assertRefused(ErrorCode.VERIFICATION_DOWN, authority.authenticate(token("alice", token)));
    }

    @Test
    void aDirectoryThatBreaksItsContractMeansVerificationDown() {
        UsersAuthority broken = TestUsers.authority(TestConfig.defaults(), clock, new NullDirectory(), storage);
        assertRefused(ErrorCode.VERIFICATION_DOWN, broken.authenticate(password("alice", "alice-pw")));
    }

    @Test
    void withoutADirectoryPasswordAndTokenLoginsAreDown() {
        String token = issueAsAdmin("alice");
        authority.unbindDirectory(directory);
        assertRefused(ErrorCode.VERIFICATION_DOWN, authority.authenticate(password("alice", "alice-pw")));
        assertRefused(ErrorCode.VERIFICATION_DOWN, authority.authenticate(token("alice", token)));
        authority.bindDirectory(directory);
        assertInstanceOf(LoginDecision.User.class, authority.authenticate(password("alice", "alice-pw")));
    }

    @Test
    void aGreedyDirectorySwapKeepsTheNewDirectory() {
        TestDirectory replacement = new TestDirectory().with("erin", "erin-pw", "Erin");
        authority.bindDirectory(replacement);
        authority.unbindDirectory(directory);
        assertInstanceOf(LoginDecision.User.class, authority.authenticate(password("erin", "erin-pw")));
        assertRefused(ErrorCode.INCORRECT_LOGIN, authority.authenticate(password("alice", "alice-pw")));
    }

    @Test
    void aPasswordThatStartsLikeATokenStillWorksAsAPassword() {
        directory.with("odd", "ost1.my-password", "Odd Password");
        assertEquals("odd", ((LoginDecision.User) authority.authenticate(password("odd", "ost1.my-password"))).userId());
    }

    // ---------------------------------------------------------------- tokens

    @Test
    void aTokenLogsInItsUser() {
        String token = issueAsAdmin("alice");
        assertEquals(new LoginDecision.User("alice", "Alice Example"), authority.authenticate(token("Alice", token)));
    }

    @Test
    void aTokenPastedAsThePasswordLogsInItsUser() {
        String token = issueAsAdmin("alice");
        assertEquals(new LoginDecision.User("alice", "Alice Example"), authority.authenticate(password("alice", token)));
    }

    @Test
    void anotherUsersTokenIsRefused() {
        String bobs = issueAsAdmin("bob");
        LoginDecision decision = authority.authenticate(token("alice", bobs));
        assertRefused(ErrorCode.INCORRECT_LOGIN, decision);
        assertTrue(((LoginDecision.Refused) decision).detail().contains("token of bob presented as alice"));
        assertRefused(ErrorCode.INCORRECT_LOGIN, authority.authenticate(password("alice", bobs)));
    }

    @Test
    void anExpiredOrForgedTokenIsAnIncorrectLogin() {
        String token = issueAsAdmin("alice");
        assertRefused(ErrorCode.INCORRECT_LOGIN, authority.authenticate(token("alice", token + "x")));
        assertRefused(ErrorCode.INCORRECT_LOGIN, authority.authenticate(token("alice", "not a token")));
        clock.advance(Duration.ofMinutes(60));
        LoginDecision expired = authority.authenticate(token("alice", token));
        assertRefused(ErrorCode.INCORRECT_LOGIN, expired);
        assertTrue(((LoginDecision.Refused) expired).detail().contains("expired"));
        LoginDecision pasted = authority.authenticate(password("alice", token));
        assertRefused(ErrorCode.INCORRECT_LOGIN, pasted);
        assertTrue(((LoginDecision.Refused) pasted).detail().contains("looks like a token"), ((LoginDecision.Refused) pasted).detail());
    }

    @Test
    void aTokenOfAUserRemovedOrDisabledSinceIsRefused() {
        String token = issueAsAdmin("bob");
        directory.remove("bob");
        assertRefused(ErrorCode.INCORRECT_LOGIN, authority.authenticate(token("bob", token)));
        directory.disabled("bob", "bob-pw", "Bob");
        assertRefused(ErrorCode.INCORRECT_LOGIN, authority.authenticate(password("bob", token)));
    }

    @Test
    void withoutStorageTokenLoginsAreDownWithOneLogLineAndPasswordsStillWork() {
        String token = issueAsAdmin("alice");
        try (LogCapture log = new LogCapture(SigningKeySource.class)) {
            authority.unbindConfigRecords(storage);
            assertRefused(ErrorCode.VERIFICATION_DOWN, authority.authenticate(token("alice", token)));
            assertRefused(ErrorCode.VERIFICATION_DOWN, authority.authenticate(token("alice", token)));
            assertEquals(List.of("org.openst.users: token signing key unavailable: no storage service. Token logins are "
                    + "refused with VERIFICATION_DOWN and no tokens can be issued; password logins are not affected"),
                    log.lines(Level.WARN));
        }
        // A pasted token cannot be checked either: "down", not "wrong password".
        assertRefused(ErrorCode.VERIFICATION_DOWN, authority.authenticate(password("alice", token)));
        assertInstanceOf(LoginDecision.User.class, authority.authenticate(password("alice", "alice-pw")));
        assertRefused(ErrorCode.INCORRECT_LOGIN, authority.authenticate(token("alice", "ost1.garbage")));

        authority.bindConfigRecords(storage);
        assertInstanceOf(LoginDecision.User.class, authority.authenticate(token("alice", token)));
    }

    // ---------------------------------------------------------------- guests

    @Test
    void guestsAreRefusedUnlessEnabled() {
        LoginDecision decision = authority.authenticate(password("", "Visitor"));
        assertEquals(new LoginDecision.Refused(ErrorCode.INCORRECT_LOGIN, "guests are not enabled"), decision);
    }

    @Test
    void aGuestIsNamedByItsPasswordOrTheConfiguredName() {
        UsersAuthority guests = TestUsers.authority(TestConfig.defaults().guests(true).guestName("Visitor"), clock, null, null);
        assertEquals(new LoginDecision.Guest("Vic", Set.of(ServiceType.IM, ServiceType.AWARENESS, ServiceType.RESOLVE,
                ServiceType.CONFERENCE, ServiceType.PLACE)), guests.authenticate(password("", "  Vic \n")));
        assertEquals("Visitor", ((LoginDecision.Guest) guests.authenticate(password("", " "))).displayName());
        assertEquals("Visitor", ((LoginDecision.Guest) guests.authenticate(token("", "ost1.x.y"))).displayName());
        assertEquals("a".repeat(64), ((LoginDecision.Guest) guests.authenticate(password("", "a".repeat(100)))).displayName());
        assertEquals("Bad Name", ((LoginDecision.Guest) guests.authenticate(password("", "Bad\u0000 Name\u0007"))).displayName());
    }

    @Test
    void guestsGetTheConfiguredServices() {
        UsersAuthority guests = TestUsers.authority(TestConfig.defaults().guests(true, "0x1000"), clock, null, null);
        assertEquals(Set.of(ServiceType.IM), ((LoginDecision.Guest) guests.authenticate(password("", ""))).services());
    }

    // ---------------------------------------------------------------- LoginTokens

    @Test
    void issueChecksTheUserAndUsesItsCanonicalId() {
        String token = authority.issue("ALICE", Duration.ofMinutes(5));
        assertEquals(Optional.of("alice"), authority.verify(token));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> authority.issue("mallory", Duration.ofMinutes(5)));
        assertEquals("unknown or disabled user: mallory", unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> authority.issue("dave", Duration.ofMinutes(5)));
        assertThrows(IllegalArgumentException.class, () -> authority.issue(" ", Duration.ofMinutes(5)));
    }

    @Test
    void issueRefusesValiditiesOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> authority.issue("alice", Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> authority.issue("alice", Duration.ofMinutes(-5)));
        assertThrows(IllegalArgumentException.class, () -> authority.issue("alice", Duration.ofMillis(500)));
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> authority.issue("alice", Duration.ofMinutes(1441)));
        assertTrue(tooLong.getMessage().contains("maximum of 1440 minutes"), tooLong.getMessage());
        authority.issue("alice", Duration.ofMinutes(1440));
    }

    @Test
    void withoutStorageNoTokensAreIssuedOrVerified() {
        String token = authority.issue("alice", Duration.ofMinutes(5));
        authority.unbindConfigRecords(storage);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> authority.issue("alice", Duration.ofMinutes(5)));
        assertEquals("token signing key unavailable: no storage service", e.getMessage());
        assertThrows(IllegalStateException.class, () -> authority.verify(token));
        assertEquals(Optional.empty(), authority.verify("alice-pw"), "what is no token needs no key");
    }

    @Test
    void withoutADirectoryNoTokensAreIssued() {
        authority.unbindDirectory(directory);
        assertThrows(IllegalStateException.class, () -> authority.issue("alice", Duration.ofMinutes(5)));
    }

    @Test
    void aConfiguredKeyMakesTokensWorkWithoutStorage() {
        TestConfig config = TestConfig.defaults().tokenKey(TestUsers.base64Key(4, 32));
        UsersAuthority a = TestUsers.authority(config, clock, directory, null);
        UsersAuthority b = TestUsers.authority(config, clock, directory, null); // another hub of the cluster
        String token = a.issue("alice", Duration.ofMinutes(5));
        assertEquals(new LoginDecision.User("alice", "Alice Example"), b.authenticate(token("alice", token)));
    }

    @Test
    void verifyAnswersOnlyForGenuineUnexpiredTokens() {
        String token = authority.issue("alice", Duration.ofMinutes(5));
        assertEquals(Optional.of("alice"), authority.verify(token));
        assertEquals(Optional.empty(), authority.verify(null));
        assertEquals(Optional.empty(), authority.verify("ost1.forged.token"));
        clock.advance(Duration.ofMinutes(5));
        assertEquals(Optional.empty(), authority.verify(token));
    }

    @Test
    void describesItselfWithTheDirectory() {
        assertTrue(authority.toString().contains("OpenST users (org.openst.users, directory test directory (3 users)"),
                authority.toString());
        authority.unbindDirectory(directory);
        assertTrue(authority.toString().contains("directory none"), authority.toString());
    }

    private String issueAsAdmin(String user) {
        return authority.issue(user, Duration.ofMinutes(60));
    }

    /** Answers null where it must not: the authority must still decide. */
    private static final class NullDirectory implements Directory {
        @Override
        public Authentication authenticate(String loginName, String password) {
            return null;
        }

        @Override
        public Optional<DirectoryUser> findUser(String userId) {
            return null;
        }

        @Override
        public List<DirectoryUser> resolve(String name, int maxResults) {
            return List.of();
        }

        @Override
        public String describe() {
            throw new IllegalStateException("cannot even describe itself");
        }
    }
}
