package org.openst.hub.core;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;

import org.openst.protocol.AuthType;
import org.openst.protocol.ClientType;
import org.openst.protocol.Handshake;
import org.openst.protocol.HandshakeAck;
import org.openst.protocol.Login;
import org.openst.protocol.Message;
import org.openst.protocol.crypto.LoginCredentials;

/** Logs a {@link RawClient} in the way Meanwhile does (spec §8.2 #2–#6). */
final class RawLogin {
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RawLogin() {
    }

    static HandshakeAck handshake(RawClient c) throws IOException {
        c.send(Handshake.meanwhileDefault(ClientType.MEANWHILE, ""));
        return c.next(HandshakeAck.class, WAIT);
    }

    /** Handshake + LOGIN; returns the server's answer (LOGIN_ACK or a channel-0 destroy). */
    static Message login(RawClient c, String user, String password) throws IOException {
        HandshakeAck ack = handshake(c);
        byte[] auth;
        int type;
        if (ack.dhPublic().length >= 64) {
            auth = LoginCredentials.rc2_128AuthData(password, ack.dhPublic(), ack.magic(), RANDOM);
            type = AuthType.RC2_128;
        } else {
            auth = LoginCredentials.rc2_40AuthData(password, RANDOM);
            type = AuthType.RC2_40;
        }
        c.send(new Login(ClientType.MEANWHILE, user, auth, type, 0));
        return c.next(WAIT);
    }
}
