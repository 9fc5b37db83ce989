package org.openst.hub.core;

import java.util.concurrent.CopyOnWriteArrayList;

import org.openst.hub.api.ImObserver;
import org.openst.hub.api.ImRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered {@link ImObserver}s. Whether there is one decides, when an IM channel is
 * created, whether the hub relays it end to end or terminates it ({@link ImTermination}).
 * One failing observer harms neither the others nor the delivery.
 */
final class ImObservers {
    private static final Logger LOG = LoggerFactory.getLogger(ImObservers.class);
    private final CopyOnWriteArrayList<ImObserver> observers = new CopyOnWriteArrayList<>();

    void add(ImObserver observer) {
        observers.add(observer);
        LOG.info("IM observer {} registered: new IM channels are terminated by the hub (spec §5.8 \"Terminate\")",
                observer.getClass().getName());
    }

    void remove(ImObserver observer) {
        if (observers.remove(observer)) {
            LOG.info("IM observer {} went away{}", observer.getClass().getName(), observers.isEmpty()
                    ? ": new IM channels are relayed end to end again; terminated ones stay terminated" : "");
        }
    }

    boolean isEmpty() {
        return observers.isEmpty();
    }

    void deliver(ImRecord record) {
        for (ImObserver observer : observers) {
            try {
                observer.imDelivered(record);
            } catch (RuntimeException e) {
                LOG.error("IM observer {} failed on a message of conversation {}", observer.getClass().getName(),
                        record.conversationId(), e);
            }
        }
    }
}
