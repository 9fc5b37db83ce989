package org.openst.storage.service;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.openst.hub.api.ServiceChannel;

/** The open storage channels of each login, for STORAGE_CHANGED notices. Thread-safe. */
final class OpenStorageChannels {
    private final ConcurrentHashMap<String, Set<ServiceChannel>> byLogin = new ConcurrentHashMap<>();

    void add(ServiceChannel channel) {
        byLogin.compute(channel.login().loginId(), (id, set) -> {
            Set<ServiceChannel> s = set == null ? ConcurrentHashMap.newKeySet() : set;
            s.add(channel);
            return s;
        });
    }

    void remove(ServiceChannel channel) {
        byLogin.computeIfPresent(channel.login().loginId(), (id, set) -> {
            set.remove(channel);
            return set.isEmpty() ? null : set;
        });
    }

    /** The login's open storage channels (usually one); empty when it has none. */
    Set<ServiceChannel> of(String loginId) {
        Set<ServiceChannel> s = byLogin.get(loginId);
        return s == null ? Set.of() : Set.copyOf(s);
    }

    void clear() {
        byLogin.clear();
    }
}
