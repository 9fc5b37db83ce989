package org.openst.hub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.openst.client.ChannelRefusedException;
import org.openst.client.ImConversation;
import org.openst.client.LoginRefusedException;
import org.openst.client.SametimeClient;
import org.openst.hub.api.CommunityListener;
import org.openst.hub.api.Login;
import org.openst.hub.api.LoginAttempt;
import org.openst.hub.api.LoginDecision;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.LoginInfo;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.PrivacyUser;
import org.openst.protocol.ServiceType;

/** The hub's side of guests, token logins and privacy (the decisions are the authority's). */
class GuestTokenPrivacyTest {

    @Test
    void guestIsRefusedUnlessTheAuthorityAllowsGuests() throws IOException {
        try (TestHub hub = new TestHub(); SametimeClient c = SametimeClient.connect("127.0.0.1", hub.port())) {
            LoginRefusedException e = assertThrows(LoginRefusedException.class, () -> c.login("", "anything"));
            assertEquals(ErrorCode.INCORRECT_LOGIN, e.reason());
        }
    }

    @Test
    void guestIsAddressedByItsLoginIdAndLimitedToItsServices() throws IOException {
        try (TestHub hub = new TestHub()) {
            hub.authority().guests(Set.of(ServiceType.IM));
            try (Clients guest = Clients.login(hub, "", ""); Clients bob = Clients.login(hub, "bob", "bob-pw")) {
                LoginInfo info = guest.client().loginInfo();
                assertEquals(info.loginId(), info.userId(), "a guest's user ID is its login ID");
                Login login = hub.community().login(info.loginId()).orElseThrow();
                assertTrue(login.isGuest());
                assertTrue(login.mayUse(ServiceType.IM));
                assertFalse(login.mayUse(0x11));

                ChannelRefusedException refused = assertThrows(ChannelRefusedException.class,
                        () -> guest.client().openServiceChannel(0x11, 0x11, 0x00030005, new byte[0]));
                assertEquals(ErrorCode.ERR_NOT_AUTHORIZED, refused.reason());

                ImConversation toGuest = bob.client().openIm(info.loginId());
                toGuest.sendText("hello guest");
                assertEquals("hello guest", guest.events().awaitIm(Clients.WAIT).text());
            }
        }
    }

    @Test
    void tokenLoginHandsTheTokenToTheAuthority() throws IOException {
        List<LoginAttempt> attempts = new CopyOnWriteArrayList<>();
        try (TestHub hub = new TestHub()) {
            hub.setAuthority(a -> {
                attempts.add(a);
                return a.kind() == LoginAttempt.SecretKind.TOKEN && a.secret().equals("tok-123")
                        ? new LoginDecision.User("alice", "Alice Example")
                        : new LoginDecision.Refused(ErrorCode.INCORRECT_LOGIN, "bad token");
            });
            try (SametimeClient c = SametimeClient.connect("127.0.0.1", hub.port())) {
                assertEquals("alice", c.loginWithToken("alice", "tok-123").userId());
            }
            try (SametimeClient c = SametimeClient.connect("127.0.0.1", hub.port())) {
                assertThrows(LoginRefusedException.class, () -> c.loginWithToken("alice", "forged"));
            }
            assertEquals("alice", attempts.get(0).loginName());
        }
    }

    @Test
    void privacyListRefusesImFromBlockedUsersOnly() throws IOException {
        try (TestHub hub = new TestHub(); Clients bob = Clients.login(hub, "bob", "bob-pw");
                Clients alice = Clients.login(hub, "alice", "alice-pw");
                Clients carol = Clients.login(hub, "carol", "carol-pw")) {
            bob.client().setPrivacy(new PrivacyInfo(true, List.of(PrivacyUser.of("alice"))));
            Awaits.until(() -> !hub.community().loginsOf("bob").get(0).privacy().users().isEmpty(), "bob's list");

            ChannelRefusedException e = assertThrows(ChannelRefusedException.class, () -> alice.client().openIm("bob"));
            assertEquals(ErrorCode.ERR_NOT_AUTHORIZED, e.reason());
            carol.client().openIm("bob").sendText("not blocked");
            assertEquals("not blocked", bob.events().awaitIm(Clients.WAIT).text());
        }
    }

    @Test
    void pushedPrivacyReachesTheClientAndIsReportedOnThePushingThread() throws IOException {
        List<String> changes = new CopyOnWriteArrayList<>();
        try (TestHub hub = new TestHub(); Clients bob = Clients.login(hub, "bob", "bob-pw")) {
            hub.addListener(new CommunityListener() {
                @Override
                public void privacyChanged(Login login, PrivacyInfo previous) {
                    // hub-api 1.2: a push is a change of this login's list like any other, reported
                    // before pushPrivacy returns, on the pusher's thread.
                    changes.add(login.userId() + " " + login.privacy() + " was " + previous + " on "
                            + Thread.currentThread().getName());
                }
            });
            PrivacyInfo list = new PrivacyInfo(false, List.of(PrivacyUser.of("carol")));
            String loginId = bob.client().loginInfo().loginId();
            assertTrue(hub.community().pushPrivacy(loginId, list));
            assertEquals(List.of("bob " + list + " was " + PrivacyInfo.allowAll() + " on " + Thread.currentThread().getName()),
                    changes);
            assertEquals(list, bob.events().awaitPrivacySet(Clients.WAIT));
            assertEquals(list, hub.community().login(loginId).orElseThrow().privacy());
            assertFalse(hub.community().pushPrivacy("nobody#hub1", list));
            assertEquals(1, changes.size());
        }
    }
}
