package org.openst.users.impl;

import org.openst.hub.api.LoginAttempt;
import org.openst.hub.api.LoginDecision;
import org.openst.protocol.ErrorCode;

/**
 * Anonymous logins (empty login name). The hub makes a guest's user ID its login ID and keeps it to
 * the listed services; this only decides whether guests may come and what they are called.
 */
final class GuestLogins {
    private GuestLogins() {
    }

    static LoginDecision decide(LoginAttempt attempt, UsersSettings settings) {
        if (!settings.guestsEnabled()) {
            return new LoginDecision.Refused(ErrorCode.INCORRECT_LOGIN, "guests are not enabled");
        }
        // A guest types the name it wants as its "password"; a token is no name.
        String wanted = attempt.kind() == LoginAttempt.SecretKind.PASSWORD ? displayName(attempt.secret()) : "";
        return new LoginDecision.Guest(wanted.isEmpty() ? settings.guestName() : wanted, settings.guestServices());
    }

    /** The secret without control characters, trimmed, at most 64 characters; "" if nothing is left. */
    static String displayName(String secret) {
        StringBuilder clean = new StringBuilder();
        secret.codePoints().filter(c -> !Character.isISOControl(c)).forEach(clean::appendCodePoint);
        String name = clean.toString().strip();
        if (name.codePointCount(0, name.length()) > UsersSettings.MAX_GUEST_NAME) {
            name = name.substring(0, name.offsetByCodePoints(0, UsersSettings.MAX_GUEST_NAME)).strip();
        }
        return name;
    }
}
