package org.openst.hub.core;

import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.openst.hub.api.ServiceProvider;

/**
 * Which server application serves which service type. Several providers may offer one type; the
 * one with the highest service ranking (then the oldest registration) gets new channels.
 */
final class ServiceRegistry {

    /** A provider with the ordering keys of its OSGi registration. */
    record Entry(ServiceProvider provider, int serviceType, int ranking, long serviceId) {
    }

    private static final Comparator<Entry> BEST_FIRST = Comparator.comparingInt(Entry::ranking).reversed()
            .thenComparingLong(Entry::serviceId);

    private final ConcurrentHashMap<Integer, CopyOnWriteArrayList<Entry>> byType = new ConcurrentHashMap<>();

    void add(Entry entry) {
        byType.compute(entry.serviceType(), (type, list) -> {
            CopyOnWriteArrayList<Entry> updated = list == null ? new CopyOnWriteArrayList<>() : list;
            updated.add(entry);
            updated.sort(BEST_FIRST);
            return updated;
        });
    }

    /** Removes a provider; returns its entry, or null if it was not registered. */
    Entry remove(ServiceProvider provider) {
        for (CopyOnWriteArrayList<Entry> list : byType.values()) {
            for (Entry entry : list) {
                if (entry.provider() == provider) {
                    byType.computeIfPresent(entry.serviceType(), (type, l) -> {
                        l.remove(entry);
                        return l.isEmpty() ? null : l;
                    });
                    return entry;
                }
            }
        }
        return null;
    }

    /** The provider for new channels of this type, or null. */
    ServiceProvider provider(int serviceType) {
        CopyOnWriteArrayList<Entry> list = byType.get(serviceType);
        if (list == null || list.isEmpty()) {
            return null;
        }
        return list.get(0).provider();
    }

    boolean isAvailable(int serviceType) {
        return provider(serviceType) != null;
    }
}
