package org.openst.hub.core;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * CHANNEL_SEND messages clients sent, per service type of the channel they sent on
 * ({@link org.openst.hub.api.Community#messageCounts()}). Counting is one {@link LongAdder}
 * increment on the network thread; the adder of a service type is created on its first message.
 */
final class MessageCounts {
    private final ConcurrentHashMap<Integer, LongAdder> byService = new ConcurrentHashMap<>();

    void count(int serviceType) {
        LongAdder adder = byService.get(serviceType);
        if (adder == null) {
            adder = byService.computeIfAbsent(serviceType, k -> new LongAdder());
        }
        adder.increment();
    }

    /** An immutable snapshot: service type to messages so far. */
    Map<Integer, Long> snapshot() {
        Map<Integer, Long> copy = new HashMap<>();
        byService.forEach((type, adder) -> copy.put(type, adder.sum()));
        return Map.copyOf(copy);
    }
}
