package org.openst.hub.core;

import java.util.Set;

import org.openst.hub.api.LoginDecision;

/**
 * Who a login is, as its {@link org.openst.hub.api.LoginAuthority} decided.
 *
 * @param userId      the user ID; for a guest its login ID (so it is addressed only by that)
 * @param displayName the name other users see
 * @param guest       an anonymous guest
 * @param services    for a guest, the service types it may use; ignored for users
 */
record Identity(String userId, String displayName, boolean guest, Set<Integer> services) {

    static Identity user(LoginDecision.User user) {
        return new Identity(user.userId(), user.displayName(), false, Set.of());
    }

    /** A guest gets its user ID only once its login ID is drawn. */
    static Identity guest(LoginDecision.Guest guest, String loginId) {
        return new Identity(loginId, guest.displayName(), true, guest.services());
    }

    boolean mayUse(int serviceType) {
        return !guest || services.contains(serviceType);
    }
}
