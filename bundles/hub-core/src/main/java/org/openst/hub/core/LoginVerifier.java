package org.openst.hub.core;

import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.function.Supplier;

import org.openst.hub.api.LoginAttempt;
import org.openst.hub.api.LoginAuthority;
import org.openst.hub.api.LoginDecision;
import org.openst.protocol.AuthType;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.Login;
import org.openst.protocol.ProtocolException;
import org.openst.protocol.WireReader;
import org.openst.protocol.crypto.DhKeyPair;
import org.openst.protocol.crypto.LoginCredentials;

/**
 * Checks a LOGIN: decrypts the password (spec §4.5, §4.6) or reads the token, and asks the login
 * authority. Runs on the authentication executor, never on a network thread, because an
 * authority may block on a directory.
 *
 * <p>Token logins (auth type {@code 0x0001}): spec §4.7 leaves the layout open because Meanwhile
 * never sends one. Our choice: auth_data is one {@code str} holding the token. Meanwhile-based
 * clients (Pidgin) can still log in with a token by typing it as their password; the authority
 * sees it as a {@link LoginAttempt.SecretKind#PASSWORD} and may recognise it.
 */
final class LoginVerifier {

    /** The outcome: a decision, or the reason code for the client plus a detail for the log. */
    record Outcome(LoginDecision decision, String method) {
        static Outcome refused(int reason, String detail) {
            return new Outcome(new LoginDecision.Refused(reason, detail), "");
        }
    }

    private final Supplier<LoginAuthority> authority;

    LoginVerifier(Supplier<LoginAuthority> authority) {
        this.authority = authority;
    }

    /**
     * @param login    the LOGIN message
     * @param key      the DH key pair of this connection's HANDSHAKE_ACK, or null if none was offered
     * @param magic    the magic of this connection's HANDSHAKE_ACK
     * @param ciphers  what the hub accepts
     * @param remote   where the client connects from
     */
    Outcome verify(Login login, DhKeyPair key, int magic, HubSettings.LoginCiphers ciphers, InetSocketAddress remote) {
        String secret;
        LoginAttempt.SecretKind kind = LoginAttempt.SecretKind.PASSWORD;
        String method;
        try {
            switch (login.authType()) {
                case AuthType.RC2_128 -> {
                    if (key == null) {
                        return Outcome.refused(ErrorCode.ENCRYPT_MISMATCH, "RC2/128 login but no DH key was offered");
                    }
                    secret = LoginCredentials.passwordFromRc2_128(login.authData(), key, magic);
                    method = "RC2/128";
                }
                case AuthType.RC2_40 -> {
                    if (!ciphers.acceptsRc2_40) {
                        return Outcome.refused(ErrorCode.ENCRYPT_MISMATCH, "RC2/40 login refused by login.ciphers");
                    }
                    secret = LoginCredentials.passwordFromRc2_40(login.authData());
                    method = "RC2/40";
                }
                case AuthType.TOKEN -> {
                    secret = new WireReader(login.authData()).str();
                    kind = LoginAttempt.SecretKind.TOKEN;
                    method = "token";
                }
                default -> {
                    // Spec §4.7: the plain layout is unknown; a clear-text password is refused anyway.
                    return Outcome.refused(ErrorCode.ENCRYPT_MISMATCH, "auth type 0x" + Integer.toHexString(login.authType())
                            + " not accepted");
                }
            }
        } catch (GeneralSecurityException | ProtocolException e) {
            // Spec §7.3: an undecryptable block or a wrong magic is an incorrect login.
            return Outcome.refused(ErrorCode.INCORRECT_LOGIN, "unreadable login block: " + e.getMessage());
        }
        LoginAuthority a = authority.get();
        if (a == null) {
            return Outcome.refused(ErrorCode.VERIFICATION_DOWN, "no login authority (users service) is registered");
        }
        LoginDecision decision;
        try {
            decision = a.authenticate(new LoginAttempt(login.name(), secret, kind, login.loginType(), remote));
        } catch (RuntimeException e) {
            return Outcome.refused(ErrorCode.VERIFICATION_DOWN, "login authority failed: " + e);
        }
        if (decision == null) {
            return Outcome.refused(ErrorCode.VERIFICATION_DOWN, "login authority returned no decision");
        }
        return new Outcome(decision, method);
    }
}
