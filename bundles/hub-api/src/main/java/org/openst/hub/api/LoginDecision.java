package org.openst.hub.api;

import java.util.Objects;
import java.util.Set;

/** What a {@link LoginAuthority} decided about a {@link LoginAttempt}. */
public sealed interface LoginDecision {

    /**
     * A known user logs in.
     *
     * @param userId      the persistent user ID the login gets (may differ from the typed name)
     * @param displayName the name other users see
     */
    record User(String userId, String displayName) implements LoginDecision {
        public User {
            Objects.requireNonNull(userId, "userId");
            if (userId.isEmpty()) {
                throw new IllegalArgumentException("userId must not be empty");
            }
            displayName = displayName == null || displayName.isEmpty() ? userId : displayName;
        }
    }

    /**
     * An anonymous guest logs in. The hub gives the login its login ID as user ID, so others can
     * reach a guest only by that ID, and refuses every channel to a service not in
     * {@code services} with {@code ERR_NOT_AUTHORIZED}.
     *
     * @param displayName the name other users see
     * @param services    the service types (protocol spec §6.0) the guest may open channels to
     */
    record Guest(String displayName, Set<Integer> services) implements LoginDecision {
        public Guest {
            Objects.requireNonNull(displayName, "displayName");
            services = Set.copyOf(services);
        }
    }

    /**
     * The login is refused.
     *
     * @param reason the error code the client gets (protocol spec §7.3), e.g.
     *               {@code ERR_INCORRECT_LOGIN}; must have bit 31 set
     * @param detail why, for the hub's log only (never sent to the client)
     */
    record Refused(int reason, String detail) implements LoginDecision {
        public Refused {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
