package org.openst.hub.core;

import java.security.GeneralSecurityException;
import java.util.function.Supplier;

import org.openst.directory.api.Authentication;
import org.openst.directory.api.Directory;
import org.openst.directory.api.DirectoryUser;
import org.openst.protocol.AuthType;
import org.openst.protocol.ErrorCode;
import org.openst.protocol.Login;
import org.openst.protocol.ProtocolException;
import org.openst.protocol.crypto.DhKeyPair;
import org.openst.protocol.crypto.LoginCredentials;

/**
 * Checks a LOGIN: decrypts the password (spec §4.5, §4.6) and asks the directory. Runs on the
 * authentication executor, never on a network thread, because a directory may block.
 */
final class LoginVerifier {

    /** The outcome: a user, or the reason code for the client plus a detail for the log. */
    record Outcome(DirectoryUser user, int reason, String detail) {
        static Outcome success(DirectoryUser user) {
            return new Outcome(user, 0, "");
        }

        static Outcome refused(int reason, String detail) {
            return new Outcome(null, reason, detail);
        }

        boolean succeeded() {
            return user != null;
        }
    }

    private final Supplier<Directory> directory;

    LoginVerifier(Supplier<Directory> directory) {
        this.directory = directory;
    }

    /**
     * @param login    the LOGIN message
     * @param key      the DH key pair of this connection's HANDSHAKE_ACK, or null if none was offered
     * @param magic    the magic of this connection's HANDSHAKE_ACK
     * @param ciphers  what the hub accepts
     */
    Outcome verify(Login login, DhKeyPair key, int magic, HubSettings.LoginCiphers ciphers) {
        String password;
        try {
            switch (login.authType()) {
                case AuthType.RC2_128 -> {
                    if (key == null) {
                        return Outcome.refused(ErrorCode.ENCRYPT_MISMATCH, "RC2/128 login but no DH key was offered");
                    }
                    password = LoginCredentials.passwordFromRc2_128(login.authData(), key, magic);
                }
                case AuthType.RC2_40 -> {
                    if (!ciphers.acceptsRc2_40) {
                        return Outcome.refused(ErrorCode.ENCRYPT_MISMATCH, "RC2/40 login refused by login.ciphers");
                    }
                    password = LoginCredentials.passwordFromRc2_40(login.authData());
                }
                default -> {
                    // Spec §4.7: plain and token layouts are unknown; refuse them.
                    return Outcome.refused(ErrorCode.ENCRYPT_MISMATCH, "auth type 0x" + Integer.toHexString(login.authType())
                            + " not accepted");
                }
            }
        } catch (GeneralSecurityException | ProtocolException e) {
            // Spec §7.3: an undecryptable block or a wrong magic is an incorrect login.
            return Outcome.refused(ErrorCode.INCORRECT_LOGIN, "undecryptable login block: " + e.getMessage());
        }
        Directory dir = directory.get();
        if (dir == null) {
            return Outcome.refused(ErrorCode.VERIFICATION_DOWN, "no directory service is registered");
        }
        Authentication result;
        try {
            result = dir.authenticate(login.name(), password);
        } catch (RuntimeException e) {
            return Outcome.refused(ErrorCode.VERIFICATION_DOWN, dir.describe() + " failed: " + e);
        }
        if (result instanceof Authentication.Success s) {
            return Outcome.success(s.user());
        }
        if (result instanceof Authentication.Refused r) {
            // The same code for an unknown user and a wrong password: names cannot be probed (§7.3).
            int code = r.reason() == Authentication.Reason.DISABLED ? ErrorCode.USER_RESTRICTED : ErrorCode.INCORRECT_LOGIN;
            return Outcome.refused(code, "directory refused: " + r.reason());
        }
        Authentication.Unavailable u = (Authentication.Unavailable) result;
        return Outcome.refused(ErrorCode.VERIFICATION_DOWN, dir.describe() + " unavailable: " + u.detail());
    }
}
