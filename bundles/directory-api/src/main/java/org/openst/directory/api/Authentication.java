package org.openst.directory.api;

import java.util.Objects;

/** The outcome of {@link Directory#authenticate(String, String)}. */
public sealed interface Authentication {

    /** The credentials are good; {@code user} is who logged in. */
    record Success(DirectoryUser user) implements Authentication {
        public Success {
            Objects.requireNonNull(user, "user");
        }
    }

    /**
     * The credentials are refused. The reason is for logs and administrators only: clients get the
     * same answer for an unknown user and a wrong password, so names cannot be probed.
     */
    record Refused(Reason reason) implements Authentication {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The directory could not decide (back end down, time-out); the detail is for logs. */
    record Unavailable(String detail) implements Authentication {
        public Unavailable {
            detail = detail == null ? "" : detail;
        }
    }

    /** Why credentials were refused. */
    enum Reason {
        /** No such login name. */
        UNKNOWN_USER,
        /** The password does not match. */
        WRONG_PASSWORD,
        /** The account exists but may not log in. */
        DISABLED
    }
}
