package org.openst.hub.core;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.openst.hub.api.CommunityListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers community events to the registered listeners; one failing listener harms no other. */
final class CommunityEvents {
    private static final Logger LOG = LoggerFactory.getLogger(CommunityEvents.class);
    private final CopyOnWriteArrayList<CommunityListener> listeners = new CopyOnWriteArrayList<>();

    void add(CommunityListener listener) {
        listeners.add(listener);
    }

    void remove(CommunityListener listener) {
        listeners.remove(listener);
    }

    void fire(String event, Consumer<CommunityListener> call) {
        for (CommunityListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.error("community listener {} failed on {}", listener.getClass().getName(), event, e);
            }
        }
    }
}
