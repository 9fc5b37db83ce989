package org.openst.users.impl;

import java.time.Instant;

/** The verdict on a presented token. */
sealed interface TokenCheck {

    /** Genuine and unexpired. */
    record Valid(String userId, Instant expiresAt) implements TokenCheck {
    }

    /** Malformed, forged or expired; {@code why} is for the log only. */
    record Invalid(String why) implements TokenCheck {
    }
}
