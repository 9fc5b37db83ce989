package org.openst.hub.core;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.openst.directory.api.Authentication;
import org.openst.directory.api.Directory;
import org.openst.directory.api.DirectoryUser;

/** A directory in memory for hub tests: user ID -> (password, display name). */
final class MapDirectory implements Directory {
    private record Entry(DirectoryUser user, String password) {
    }

    private final Map<String, Entry> users = new ConcurrentHashMap<>();

    MapDirectory with(String userId, String password, String displayName) {
        users.put(userId.toLowerCase(Locale.ROOT), new Entry(new DirectoryUser(userId, displayName, ""), password));
        return this;
    }

    static MapDirectory demo() {
        return new MapDirectory().with("alice", "alice-pw", "Alice Example").with("bob", "bob-pw", "Bob Builder")
                .with("carol", "carol-pw", "Carol Singer");
    }

    @Override
    public Authentication authenticate(String loginName, String password) {
        Entry e = users.get(loginName.toLowerCase(Locale.ROOT));
        if (e == null) {
            return new Authentication.Refused(Authentication.Reason.UNKNOWN_USER);
        }
        return e.password().equals(password) ? new Authentication.Success(e.user())
                : new Authentication.Refused(Authentication.Reason.WRONG_PASSWORD);
    }

    @Override
    public Optional<DirectoryUser> findUser(String userId) {
        return Optional.ofNullable(users.get(userId.toLowerCase(Locale.ROOT))).map(Entry::user);
    }

    @Override
    public List<DirectoryUser> resolve(String name, int maxResults) {
        return findUser(name).map(List::of).orElse(List.of());
    }

    @Override
    public String describe() {
        return "test map directory";
    }
}
