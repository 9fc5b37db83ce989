package org.openst.logger.impl;

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

/** A {@link Community} whose message counts the test sets; the Logger uses nothing else. */
final class FakeCommunity implements Community {
    volatile Map<Integer, Long> counts = Map.of();

    @Override
    public Map<Integer, Long> messageCounts() {
        return counts;
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
        return List.of();
    }

    @Override
    public List<Login> loginsOf(String userId) {
        return List.of();
    }

    @Override
    public Optional<Login> login(String loginId) {
        return Optional.empty();
    }

    @Override
    public int broadcastAdminMessage(String text) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int sendAdminMessage(String userId, String text) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean kick(String loginId, int reason) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean pushPrivacy(String loginId, PrivacyInfo privacy) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ServiceChannel openChannel(Login target, ChannelRequest request, ServiceProvider handler) {
        throw new UnsupportedOperationException();
    }
}
