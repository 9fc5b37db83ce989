package org.openst.directory.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.openst.directory.api.Authentication;
import org.openst.directory.api.Directory;
import org.openst.directory.api.DirectoryGroup;
import org.openst.directory.api.DirectoryUser;
import org.openst.support.testing.Gate;

/** An in-memory directory that browses and knows public groups; with a gate every call blocks until it opens. */
final class TestDirectory implements Directory {

    private final List<DirectoryUser> users = new ArrayList<>();
    private final Map<DirectoryGroup, List<String>> groups = new LinkedHashMap<>();
    final CountDownLatch entered = new CountDownLatch(1);
    private volatile Gate gate;
    private volatile RuntimeException failure;

    TestDirectory user(String id, String name) {
        users.add(new DirectoryUser(id, name, "about " + id));
        users.sort(Comparator.comparing((DirectoryUser u) -> u.displayName().toLowerCase(Locale.ROOT))
                .thenComparing(u -> u.userId().toLowerCase(Locale.ROOT)));
        return this;
    }

    TestDirectory group(String id, String name, String... members) {
        groups.put(new DirectoryGroup(id, name, ""), List.of(members));
        return this;
    }

    TestDirectory gated() {
        gate = new Gate();
        return this;
    }

    void open() {
        gate.open();
    }

    TestDirectory failing(RuntimeException e) {
        failure = e;
        return this;
    }

    private void enter() {
        entered.countDown();
        if (failure != null) {
            throw failure;
        }
        Gate g = gate;
        if (g != null) {
            g.pass();
        }
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
        return List.of();
    }

    @Override
    public List<DirectoryGroup> findGroups(String name, int maxResults) {
        enter();
        String q = name.toLowerCase(Locale.ROOT);
        return groups.keySet().stream().filter(g -> g.groupId().toLowerCase(Locale.ROOT).startsWith(q))
                .sorted(Comparator.comparing((DirectoryGroup g) -> !g.groupId().equalsIgnoreCase(name)))
                .limit(maxResults).toList();
    }

    @Override
    public List<DirectoryUser> groupMembers(String groupId) {
        enter();
        for (Map.Entry<DirectoryGroup, List<String>> e : groups.entrySet()) {
            if (e.getKey().groupId().equalsIgnoreCase(groupId)) {
                return e.getValue().stream().map(this::findUser).flatMap(Optional::stream).toList();
            }
        }
        return List.of();
    }

    @Override
    public List<DirectoryUser> search(String query, int offset, int maxResults) {
        enter();
        String q = query.toLowerCase(Locale.ROOT);
        return users.stream().filter(u -> u.userId().toLowerCase(Locale.ROOT).contains(q)
                || u.displayName().toLowerCase(Locale.ROOT).contains(q)).skip(offset).limit(maxResults).toList();
    }

    @Override
    public String describe() {
        return "test directory";
    }
}
