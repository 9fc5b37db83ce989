package org.openst.hub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Deque;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openst.protocol.AuthType;
import org.openst.protocol.ChannelAccept;
import org.openst.protocol.ChannelCreate;
import org.openst.protocol.ChannelSend;
import org.openst.protocol.EncryptAccept;
import org.openst.protocol.HeaderOption;
import org.openst.protocol.ChannelDestroy;
import org.openst.protocol.ClientType;
import org.openst.protocol.EncryptOffer;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.Frames;
import org.openst.protocol.HandshakeAck;
import org.openst.protocol.IdBlock;
import org.openst.protocol.Login;
import org.openst.protocol.LoginAck;
import org.openst.protocol.Message;
import org.openst.protocol.SenseService;
import org.openst.protocol.ServiceType;
import org.openst.protocol.crypto.LoginCredentials;

/**
 * Issue 3, "Bad input": each violation closes or refuses only that connection or channel, with
 * a clear reason code; a bystander's login keeps working.
 */
class BadInputTest {
    private static final Duration WAIT = RawLogin.WAIT;
    private TestHub hub;
    private RawClient bystander;

    @BeforeEach
    void start() throws IOException {
        hub = new TestHub(HubSettings.defaults(0).withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(90)));
        bystander = new RawClient(hub.port());
        assertInstanceOf(LoginAck.class, RawLogin.login(bystander, "carol", "carol-pw"));
    }

    @AfterEach
    void stop() throws IOException {
        // The bystander is untouched: its login still answers.
        bystander.send(new SenseService(ServiceType.IM));
        SenseService answer;
        do { // skipping announcements of services a test registered
            answer = bystander.next(SenseService.class, WAIT);
        } while (answer.service() != ServiceType.IM);
        bystander.close();
        hub.close();
    }

    @Test
    void junkBeforeHandshakeIsATooLargeFrame() throws IOException {
        try (RawClient c = new RawClient(hub.port())) {
            c.sendBytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertClosedWith(c, ErrorCode.FAT_MESSAGE);
        }
    }

    @Test
    void oversizedFrameIsRefusedBeforeItsBodyArrives() throws IOException {
        try (RawClient c = new RawClient(hub.port())) {
            c.sendBytes(new byte[] {0x00, 0x20, 0x00, 0x01}); // 2 MiB + 1 announced, nothing follows
            assertClosedWith(c, ErrorCode.FAT_MESSAGE);
        }
    }

    @Test
    void messageBeforeHandshakeIsAProtocolError() throws IOException {
        try (RawClient c = new RawClient(hub.port())) {
            c.send(new SenseService(ServiceType.AWARENESS));
            assertClosedWith(c, ErrorCode.PROTOCOL_ERROR);
        }
    }

    @Test
    void malformedMessageIsAProtocolError() throws IOException {
        try (RawClient c = new RawClient(hub.port())) {
            RawLogin.handshake(c);
            // A LOGIN header followed by a string that claims 0x0900 bytes but has 2.
            c.sendBytes(Frames.frame(new byte[] {0, 1, 0, 0, 0, 0, 0, 0, 0x17, 0, 0x09, 0, 'a', 'b'}));
            assertClosedWith(c, ErrorCode.PROTOCOL_ERROR);
        }
    }

    @Test
    void unknownMessageTypeIsAProtocolError() throws IOException {
        try (RawClient c = new RawClient(hub.port())) {
            RawLogin.handshake(c);
            c.sendBytes(Frames.frame(new byte[] {0x7f, 0x7f, 0, 0, 0, 0, 0, 0}));
            assertClosedWith(c, ErrorCode.PROTOCOL_ERROR);
        }
    }

    @Test
    void keepalivesAnywhereBetweenFramesAreIgnored() throws IOException {
        try (RawClient c = new RawClient(hub.port())) {
            c.sendBytes(new byte[] {Frames.KEEPALIVE, (byte) 0xFF});
            HandshakeAck ack = RawLogin.handshake(c);
            assertTrue(ack.dhPublic().length == 64, "a 64-byte DH key makes Meanwhile use RC2/128");
        }
    }

    @Test
    void handshakeThatNeverComesTimesOut() throws IOException {
        try (RawClient c = new RawClient(hub.port())) {
            assertClosedWith(c, ErrorCode.CONNECTION_TIMED);
        }
    }

    @Test
    void loginThatNeverComesTimesOut() throws IOException {
        try (RawClient c = new RawClient(hub.port())) {
            RawLogin.handshake(c);
            assertClosedWith(c, ErrorCode.CONNECTION_TIMED);
        }
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() throws IOException {
        try (RawClient c = new RawClient(hub.port())) {
            assertEquals(ChannelDestroy.of(0, ErrorCode.INCORRECT_LOGIN), RawLogin.login(c, "alice", "nope"));
            c.awaitClosed(WAIT);
        }
        try (RawClient c = new RawClient(hub.port())) {
            assertEquals(ChannelDestroy.of(0, ErrorCode.INCORRECT_LOGIN), RawLogin.login(c, "mallory", "nope"));
            c.awaitClosed(WAIT);
        }
    }

    @Test
    void rc2_40LoginIsRefusedUnlessConfigured() throws IOException {
        try (RawClient c = new RawClient(hub.port())) {
            RawLogin.handshake(c);
            c.send(new Login(ClientType.MEANWHILE, "alice", LoginCredentials.rc2_40AuthData("alice-pw", new SecureRandom()),
                    AuthType.RC2_40, 0));
            assertClosedWith(c, ErrorCode.ENCRYPT_MISMATCH);
        }
    }

    @Test
    void plainLoginIsRefused() throws IOException {
        try (RawClient c = new RawClient(hub.port())) {
            RawLogin.handshake(c);
            c.send(new Login(ClientType.MEANWHILE, "alice", "alice-pw".getBytes(StandardCharsets.UTF_8), AuthType.PLAIN, 0));
            assertClosedWith(c, ErrorCode.ENCRYPT_MISMATCH);
        }
    }

    @Test
    void tokenLoginWhoseDataIsNotOneStringIsIncorrect() throws IOException {
        try (RawClient c = new RawClient(hub.port())) {
            RawLogin.handshake(c);
            // A u16 length of 0x6161 with 6 bytes behind it: not a str.
            c.send(new Login(ClientType.MEANWHILE, "alice", "aaaaaaaa".getBytes(StandardCharsets.UTF_8), AuthType.TOKEN, 0));
            assertClosedWith(c, ErrorCode.INCORRECT_LOGIN);
        }
    }

    @Test
    void garbledRc2_128BlockIsAnIncorrectLogin() throws IOException {
        try (RawClient c = new RawClient(hub.port())) {
            HandshakeAck ack = RawLogin.handshake(c);
            // Right key, wrong magic: a replayed block.
            byte[] auth = LoginCredentials.rc2_128AuthData("alice-pw", ack.dhPublic(), ack.magic() + 1, new SecureRandom());
            c.send(new Login(ClientType.MEANWHILE, "alice", auth, AuthType.RC2_128, 0));
            assertClosedWith(c, ErrorCode.INCORRECT_LOGIN);
        }
    }

    @Test
    void secondLoginOnOneConnectionIsRefused() throws IOException {
        try (RawClient c = new RawClient(hub.port())) {
            assertInstanceOf(LoginAck.class, RawLogin.login(c, "alice", "alice-pw"));
            c.send(new Login(ClientType.MEANWHILE, "alice", new byte[0], AuthType.RC2_128, 0));
            assertClosedWith(c, ErrorCode.ERR_ALREADY_INITIALIZED);
        }
    }

    @Test
    void badChannelsAreRefusedOneByOneAndTheLoginStays() throws IOException {
        try (RawClient c = new RawClient(hub.port())) {
            assertInstanceOf(LoginAck.class, RawLogin.login(c, "alice", "alice-pw"));
            c.send(serviceCreate(0x80000001, 0x7777));
            assertEquals(ChannelDestroy.of(0x80000001, ErrorCode.ERR_REQUEST_INVALID), c.next(ChannelDestroy.class, WAIT));
            c.send(serviceCreate(1, 0x7777));
            assertEquals(ChannelDestroy.of(1, ErrorCode.ERR_SERVICE_NO_SUPPORT), c.next(ChannelDestroy.class, WAIT));
            c.send(imCreate(2, "nobody"));
            assertEquals(ChannelDestroy.of(2, ErrorCode.ERR_NO_USER), c.next(ChannelDestroy.class, WAIT));
            c.send(new SenseService(ServiceType.IM));
            assertEquals(new SenseService(ServiceType.IM), c.next(SenseService.class, WAIT));
        }
    }

    @Test
    void senseServiceIsSilentForAnUnavailableService() throws IOException {
        try (RawClient c = new RawClient(hub.port())) {
            assertInstanceOf(LoginAck.class, RawLogin.login(c, "alice", "alice-pw"));
            c.send(new SenseService(0x7777));
            c.send(new SenseService(ServiceType.FILE_TRANSFER));
            // Only the available one comes back, so the first answer is the second question's.
            assertEquals(new SenseService(ServiceType.FILE_TRANSFER), c.next(SenseService.class, WAIT));
        }
    }

    @Test
    void acceptingOnesOwnChannelEndsThatRelayOnly() throws IOException {
        try (RawClient alice = new RawClient(hub.port()); RawClient bob = new RawClient(hub.port())) {
            assertInstanceOf(LoginAck.class, RawLogin.login(alice, "alice", "alice-pw"));
            assertInstanceOf(LoginAck.class, RawLogin.login(bob, "bob", "bob-pw"));
            alice.send(imCreate(1, "bob"));
            ChannelCreate atBob = bob.next(ChannelCreate.class, WAIT);
            // Only the target may accept (spec §5.3); the creator accepting is a protocol violation.
            alice.send(new ChannelAccept(1, ServiceType.IM, ServiceType.IM, 3, new byte[0], null, EncryptAccept.none()));
            assertEquals(ChannelDestroy.of(1, ErrorCode.ERR_REQUEST_INVALID), alice.next(ChannelDestroy.class, WAIT));
            assertEquals(ChannelDestroy.of(atBob.channelId(), ErrorCode.ERR_REQUEST_INVALID), bob.next(ChannelDestroy.class, WAIT));
        }
    }

    @Test
    void encryptedDataOnAServiceChannelEndsThatChannelOnly() throws IOException {
        hub.hub.serviceAdded(new ServiceSeamTest.EchoService(), 0, 1);
        try (RawClient c = new RawClient(hub.port())) {
            assertInstanceOf(LoginAck.class, RawLogin.login(c, "alice", "alice-pw"));
            c.send(serviceCreate(1, 0x7E57));
            c.next(ChannelAccept.class, WAIT);
            // The hub accepts service channels without a cipher, so it cannot read this.
            c.send(new ChannelSend(1, HeaderOption.ENCRYPT, 1, new byte[8]));
            assertEquals(ChannelDestroy.of(1, ErrorCode.ERR_REQUEST_INVALID), c.next(ChannelDestroy.class, WAIT));
        }
    }

    static ChannelCreate serviceCreate(int id, int service) {
        return new ChannelCreate(0, id, IdBlock.empty(), service, service, 0, 0, new byte[0], null, EncryptOffer.none());
    }

    static ChannelCreate imCreate(int id, String user) {
        return new ChannelCreate(0, id, new IdBlock(user, ""), ServiceType.IM, ServiceType.IM, 3, 0,
                new byte[] {0, 0, 0, 1, 0, 0, 0, 1}, null, EncryptOffer.none());
    }

    private static void assertClosedWith(RawClient c, int reason) throws IOException {
        Deque<Message> before = c.awaitClosed(WAIT);
        Message last = before.peekLast();
        assertEquals(ChannelDestroy.of(0, reason), last,
                "expected a channel-0 destroy with " + ErrorCode.name(reason) + " before the close, got " + before);
    }
}
