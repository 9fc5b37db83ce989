package org.openst.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.openst.protocol.AuthType;
import org.openst.protocol.ChannelDestroy;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.Handshake;
import org.openst.protocol.HandshakeAck;
import org.openst.protocol.Hex;
import org.openst.protocol.Login;
import org.openst.protocol.LoginAck;
import org.openst.protocol.LoginContinue;
import org.openst.protocol.LoginInfo;
import org.openst.protocol.LoginRedirect;
import org.openst.protocol.PrivacyInfo;
import org.openst.protocol.UserStatus;
import org.openst.protocol.crypto.LoginCredentials;

class LoginTest extends ClientTestSupport {

    @Test
    void handshakeIsMeanwhilesAndRc2_128LoginCarriesThePassword() throws Exception {
        connect(options().localHost("testhost").build());
        Future<LoginInfo> login = async(() -> client.login("alice", "s3cret!"));

        // §3.1 example, byte for byte (frame length 0x2A included).
        byte[] handshake = peer.readFrame();
        assertEquals("0000" + "0000" + "00000000" + "001e" + "001d" + "00000000" + "00000000"
                + "1700" + "00000000" + "0100" + "00000000" + "0008" + Hex.of("testhost".getBytes()),
                Hex.of(handshake));
        assertEquals(0x2A, handshake.length, "§3.1: frame length 0x2A");

        peer.send(keyedAck());
        Login l = peer.read(Login.class);
        assertEquals(0x1700, l.loginType());
        assertEquals("alice", l.name());
        assertEquals(AuthType.RC2_128, l.authType());
        assertEquals(0, l.extra());
        // §4.5: the server decrypts with its HANDSHAKE_ACK key pair and checks the magic.
        assertEquals("s3cret!", LoginCredentials.passwordFromRc2_128(l.authData(), serverKeys, MAGIC));

        peer.send(new LoginAck(ALICE, 0, PrivacyInfo.allowAll(), UserStatus.active()));
        assertEquals(ALICE, result(login));
        assertEquals(AuthType.RC2_128, client.authTypeUsed());
        assertEquals(ALICE, client.loginInfo());
        assertNull(client.loginRedirect());
    }

    @Test
    void rc2_40WhenTheAckHasNoKey() throws Exception {
        connect();
        Future<LoginInfo> login = async(() -> client.login("alice", "s3cret!"));
        peer.read(Handshake.class);
        // Minor 0x18: §3.2 fields 4-5 absent, so the client must fall back to RC2/40 (§4.1).
        peer.send(new HandshakeAck(0x1E, 0x18, 0, false, 0, null));
        Login l = peer.read(Login.class);
        assertEquals(AuthType.RC2_40, l.authType());
        assertEquals("s3cret!", LoginCredentials.passwordFromRc2_40(l.authData()));
        peer.send(new LoginAck(ALICE, 0, PrivacyInfo.allowAll(), UserStatus.active()));
        result(login);
        assertEquals(AuthType.RC2_40, client.authTypeUsed());
    }

    @Test
    void rc2_40WhenTheKeyIsShorterThan64Bytes() throws Exception {
        connect();
        Future<LoginInfo> login = async(() -> client.login("alice", "pw"));
        peer.read(Handshake.class);
        byte[] shortKey = Arrays.copyOfRange(serverKeys.publicKeyPadded(), 1, 64); // 63 bytes
        peer.send(new HandshakeAck(0x1E, 0x1D, 0, true, MAGIC, shortKey));
        Login l = peer.read(Login.class);
        assertEquals(AuthType.RC2_40, l.authType(), "§3.2: an unpadded short key downgrades");
        assertEquals("pw", LoginCredentials.passwordFromRc2_40(l.authData()));
        peer.send(new LoginAck(ALICE, 0, PrivacyInfo.allowAll(), UserStatus.active()));
        result(login);
    }

    @Test
    void redirectIsAnsweredWithLoginContinue() throws Exception {
        connect();
        Future<LoginInfo> login = async(() -> client.login("alice", "secret"));
        peer.read(Handshake.class);
        peer.send(keyedAck());
        peer.read(Login.class);
        peer.send(new LoginRedirect("other.example.com", "srv2"));
        peer.read(LoginContinue.class);
        // §3.6: a second HANDSHAKE_ACK (content ignored) must come before the LOGIN_ACK.
        peer.send(new HandshakeAck(0x1E, 0x1D, 0, false, 0, null));
        peer.send(new LoginAck(ALICE, 0, PrivacyInfo.allowAll(), UserStatus.active()));
        assertEquals(ALICE, result(login));
        assertEquals(new LoginRedirect("other.example.com", "srv2"), client.loginRedirect());
    }

    @Test
    void loginAckWithoutHandshakeAckAfterContinueFails() throws Exception {
        connect();
        Future<LoginInfo> login = async(() -> client.login("alice", "secret"));
        peer.read(Handshake.class);
        peer.send(keyedAck());
        peer.read(Login.class);
        peer.send(new LoginRedirect("", ""));
        peer.read(LoginContinue.class);
        peer.send(new LoginAck(ALICE, 0, PrivacyInfo.allowAll(), UserStatus.active()));
        IOException e = assertThrows(IOException.class, () -> result(login));
        assertTrue(e.getMessage().contains("HANDSHAKE_ACK"), e.getMessage());
    }

    @Test
    void refusalCarriesTheReason() throws Exception {
        connect();
        Future<LoginInfo> login = async(() -> client.login("alice", "wrong"));
        peer.read(Handshake.class);
        peer.send(keyedAck());
        peer.read(Login.class);
        peer.send(ChannelDestroy.of(0, ErrorCode.INCORRECT_LOGIN));
        LoginRefusedException e = assertThrows(LoginRefusedException.class, () -> result(login));
        assertEquals(0x80000211, e.reason());
        assertEquals("INCORRECT_LOGIN", e.reasonName());
        assertEquals(0x80000211, events.awaitDisconnected(WAIT));
        assertFalse(client.isConnected());
        peer.expectEof();
    }

    @Test
    void loginTimesOutWithoutAnAck() throws Exception {
        connect(options().timeout(java.time.Duration.ofMillis(200)).build());
        IOException e = assertThrows(java.net.SocketTimeoutException.class,
                () -> client.login("alice", "secret"));
        assertTrue(e.getMessage().contains("HANDSHAKE"), e.getMessage());
    }

    @Test
    void loginAckFieldsAreKept() throws Exception {
        loggedIn();
        assertArrayEquals(serverKeys.publicKeyPadded(), client.handshakeAck().dhPublic());
        assertEquals(UserStatus.active(), client.status());
        assertEquals(ALICE, client.loginAck().login());
    }

    @Test
    void loginAsyncCompletesWithTheLoginAckOrTheRefusal() throws Exception {
        connect();
        CompletableFuture<LoginInfo> login = client.loginAsync("alice", "secret");
        peer.read(Handshake.class);
        assertFalse(login.isDone());
        peer.send(keyedAck());
        assertEquals("secret", LoginCredentials.passwordFromRc2_128(peer.read(Login.class).authData(), serverKeys, MAGIC));
        peer.send(new LoginAck(ALICE, 0, PrivacyInfo.allowAll(), UserStatus.active()));
        assertEquals(ALICE, login.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        assertThrows(IllegalStateException.class, () -> client.loginAsync("alice", "secret"), "once per connection");

        client.close();
        peer.close();
        connect();
        CompletableFuture<LoginInfo> refused = client.loginAsync("alice", "wrong");
        peer.read(Handshake.class);
        peer.send(keyedAck());
        peer.read(Login.class);
        peer.send(ChannelDestroy.of(0, ErrorCode.INCORRECT_LOGIN));
        ExecutionException e = assertThrows(ExecutionException.class, () -> refused.get(WAIT.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals(0x80000211, assertInstanceOf(LoginRefusedException.class, e.getCause()).reason());
    }

    @Test
    void sharedLoginKeysSendOnePublicKeyAndEveryLoginStillDecrypts() throws Exception {
        LoginKeys shared = LoginKeys.shared(RANDOM);
        byte[] firstAuth = null;
        for (String password : new String[] {"first-pw", "second-pw", "third-pw"}) {
            if (client != null) {
                client.close();
                peer.close();
            }
            connect(options().loginKeys(shared).build());
            Future<LoginInfo> login = async(() -> client.login("alice", password));
            peer.read(Handshake.class);
            peer.send(keyedAck());
            byte[] auth = peer.read(Login.class).authData();
            assertEquals(password, LoginCredentials.passwordFromRc2_128(auth, serverKeys, MAGIC));
            peer.send(new LoginAck(ALICE, 0, PrivacyInfo.allowAll(), UserStatus.active()));
            assertEquals(ALICE, result(login));
            if (firstAuth == null) {
                firstAuth = auth;
            } else {
                // u16 lead, then the client's public key as opq (u32 length, bytes): the same each time.
                int keyEnd = 2 + 4 + ByteBuffer.wrap(firstAuth, 2, 4).getInt();
                assertArrayEquals(Arrays.copyOf(firstAuth, keyEnd), Arrays.copyOf(auth, keyEnd));
            }
        }
    }
}
