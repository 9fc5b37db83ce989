package org.openst.hub.core;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.openst.hub.api.LoginAttempt;
import org.openst.hub.api.LoginAuthority;
import org.openst.hub.api.LoginDecision;
import org.openst.protocol.ErrorCode;

/**
 * A login authority in memory for tests: user ID -> (password, display name), and optionally
 * guests (empty login name) limited to a set of services.
 */
public final class MapAuthority implements LoginAuthority {
    private record Entry(String userId, String password, String displayName) {
    }

    private final Map<String, Entry> users = new ConcurrentHashMap<>();
    private volatile Set<Integer> guestServices;

    /** Adds a user; names are matched case-insensitively and the canonical ID is returned. */
    public MapAuthority with(String userId, String password, String displayName) {
        users.put(userId.toLowerCase(Locale.ROOT), new Entry(userId, password, displayName));
        return this;
    }

    /** Lets guests in, limited to these services; {@code null} refuses guests again. */
    public MapAuthority guests(Set<Integer> services) {
        guestServices = services;
        return this;
    }

    /** alice/alice-pw, bob/bob-pw, carol/carol-pw. */
    public static MapAuthority demo() {
        return new MapAuthority().with("alice", "alice-pw", "Alice Example").with("bob", "bob-pw", "Bob Builder")
                .with("carol", "carol-pw", "Carol Singer");
    }

    @Override
    public LoginDecision authenticate(LoginAttempt attempt) {
        Set<Integer> guests = guestServices;
        if (attempt.loginName().isEmpty()) {
            return guests == null ? new LoginDecision.Refused(ErrorCode.INCORRECT_LOGIN, "guests refused")
                    : new LoginDecision.Guest("Guest", guests);
        }
        Entry e = users.get(attempt.loginName().toLowerCase(Locale.ROOT));
        if (e == null || !e.password().equals(attempt.secret())) {
            return new LoginDecision.Refused(ErrorCode.INCORRECT_LOGIN, "unknown user or wrong password");
        }
        return new LoginDecision.User(e.userId(), e.displayName());
    }

    @Override
    public String toString() {
        return "test map authority";
    }
}
