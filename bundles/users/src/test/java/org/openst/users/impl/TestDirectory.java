package org.openst.users.impl;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.openst.directory.api.Authentication;
import org.openst.directory.api.Directory;
import org.openst.directory.api.DirectoryUser;

/**
 * A directory in memory: users with passwords, some disabled. Names match case-insensitively and
 * answers carry the canonical ID, like the embedded directory. Can throw or be unavailable on demand.
 */
final class TestDirectory implements Directory {
    private record Entry(DirectoryUser user, String password, boolean disabled) {
    }

    private final Map<String, Entry> users = new ConcurrentHashMap<>();
    volatile boolean throwing;
    volatile boolean unavailable;

    /** alice/alice-pw, bob/bob-pw, and dave/dave-pw who is disabled. */
    static TestDirectory demo() {
        return new TestDirectory().with("alice", "alice-pw", "Alice Example").with("bob", "bob-pw", "Bob Builder")
                .disabled("dave", "dave-pw", "Dave Disabled");
    }

    TestDirectory with(String userId, String password, String displayName) {
        users.put(userId.toLowerCase(Locale.ROOT), new Entry(new DirectoryUser(userId, displayName, ""), password, false));
        return this;
    }

    TestDirectory disabled(String userId, String password, String displayName) {
        users.put(userId.toLowerCase(Locale.ROOT), new Entry(new DirectoryUser(userId, displayName, ""), password, true));
        return this;
    }

    void remove(String userId) {
        users.remove(userId.toLowerCase(Locale.ROOT));
    }

    @Override
    public Authentication authenticate(String loginName, String password) {
        check();
        if (unavailable) {
            return new Authentication.Unavailable("backend down (test)");
        }
        Entry e = users.get(loginName.toLowerCase(Locale.ROOT));
        if (e == null) {
            return new Authentication.Refused(Authentication.Reason.UNKNOWN_USER);
        }
        if (!e.password().equals(password)) {
            return new Authentication.Refused(Authentication.Reason.WRONG_PASSWORD);
        }
        return e.disabled() ? new Authentication.Refused(Authentication.Reason.DISABLED) : new Authentication.Success(e.user());
    }

    @Override
    public Optional<DirectoryUser> findUser(String userId) {
        check();
        Entry e = users.get(userId.toLowerCase(Locale.ROOT));
        return e == null || e.disabled() ? Optional.empty() : Optional.of(e.user());
    }

    @Override
    public List<DirectoryUser> resolve(String name, int maxResults) {
        return List.of();
    }

    @Override
    public String describe() {
        return "test directory (" + users.size() + " users)";
    }

    private void check() {
        if (throwing) {
            throw new IllegalStateException("directory exploded (test)");
        }
    }
}
