package org.openst.support.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openst.hub.api.ChannelRequest;
import org.openst.hub.api.Community;
import org.openst.hub.api.Login;
import org.openst.hub.api.ServiceChannel;
import org.openst.hub.api.ServiceProvider;
import org.openst.protocol.PrivacyInfo;

/**
 * A {@link Community} holding the logins a test gives it; administrator messages and kicks are
 * recorded in call order ({@code "admin alice: text"}, {@code "broadcast: text"},
 * {@code "kick <loginId> 0x…"}) and a kick removes the login, as the hub does. The message
 * counts are whatever the test sets. Opening channels and pushing privacy lists are not faked.
 */
public final class FakeCommunity implements Community {
    public final List<Login> live = new ArrayList<>();
    public final List<String> calls = new ArrayList<>();
    public volatile Map<Integer, Long> counts = Map.of();

    public FakeCommunity with(Login... logins) {
        live.addAll(List.of(logins));
        return this;
    }

    @Override
    public String hubId() {
        return "hub1";
    }

    @Override
    public String communityName() {
        return "test";
    }

    @Override
    public Collection<Login> logins() {
        return List.copyOf(live);
    }

    @Override
    public List<Login> loginsOf(String userId) {
        return live.stream().filter(l -> l.userId().equalsIgnoreCase(userId)).toList();
    }

    @Override
    public Optional<Login> login(String loginId) {
        return live.stream().filter(l -> l.loginId().equals(loginId)).findFirst();
    }

    @Override
    public int broadcastAdminMessage(String text) {
        calls.add("broadcast: " + text);
        return live.size();
    }

    @Override
    public int sendAdminMessage(String userId, String text) {
        calls.add("admin " + userId + ": " + text);
        return loginsOf(userId).size();
    }

    @Override
    public boolean kick(String loginId, int reason) {
        calls.add(String.format("kick %s 0x%08X", loginId, reason));
        return live.removeIf(l -> l.loginId().equals(loginId));
    }

    @Override
    public Map<Integer, Long> messageCounts() {
        return counts;
    }

    @Override
    public boolean pushPrivacy(String loginId, PrivacyInfo privacy) {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public ServiceChannel openChannel(Login target, ChannelRequest request, ServiceProvider handler) {
        throw new UnsupportedOperationException("not faked");
    }
}
