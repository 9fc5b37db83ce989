package org.openst.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.openst.directory.api.Authentication;
import org.openst.directory.api.Directory;
import org.openst.directory.api.DirectoryGroup;
import org.openst.directory.api.DirectoryUser;
import org.openst.support.testing.Gate;

/**
 * An in-memory directory. It returns matches (exact or prefix of ID or name, ignoring case) in
 * insertion order, deliberately without the SPI's best-first order, so the tests see the resolve
 * service rank them. With a gate it blocks every call until the gate opens.
 */
final class TestDirectory implements Directory {

    final List<DirectoryUser> users = new ArrayList<>();
    final List<DirectoryGroup> groups = new ArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    final CountDownLatch entered = new CountDownLatch(1);
    private volatile Gate gate;
    private volatile RuntimeException failure;

    TestDirectory user(String id, String name, String description) {
        users.add(new DirectoryUser(id, name, description));
        return this;
    }

    TestDirectory group(String id, String name, String description) {
        groups.add(new DirectoryGroup(id, name, description));
        return this;
    }

    /** Every call blocks until {@link #open()}. */
    TestDirectory gated() {
        gate = new Gate();
        return this;
    }

    void open() {
        gate.open();
    }

    /** Every call throws. */
    TestDirectory failing(RuntimeException e) {
        failure = e;
        return this;
    }

    private void enter() {
        calls.incrementAndGet();
        entered.countDown();
        if (failure != null) {
            throw failure;
        }
        Gate g = gate;
        if (g != null) {
            g.pass();
        }
    }

    private static boolean matches(String q, String id, String name) {
        String i = id.toLowerCase(Locale.ROOT);
        String n = name.toLowerCase(Locale.ROOT);
        return i.startsWith(q) || n.startsWith(q);
    }

    @Override
    public Authentication authenticate(String loginName, String password) {
        return new Authentication.Refused(Authentication.Reason.UNKNOWN_USER);
    }

    @Override
    public Optional<DirectoryUser> findUser(String userId) {
        return users.stream().filter(u -> u.userId().equalsIgnoreCase(userId)).findFirst();
    }

    @Override
    public List<DirectoryUser> resolve(String name, int maxResults) {
        enter();
        String q = name.strip().toLowerCase(Locale.ROOT);
        return users.stream().filter(u -> matches(q, u.userId(), u.displayName())).limit(maxResults).toList();
    }

    @Override
    public List<DirectoryGroup> findGroups(String name, int maxResults) {
        enter();
        String q = name.strip().toLowerCase(Locale.ROOT);
        return groups.stream().filter(g -> matches(q, g.groupId(), g.displayName())).limit(maxResults).toList();
    }

    @Override
    public String describe() {
        return "test directory";
    }
}
