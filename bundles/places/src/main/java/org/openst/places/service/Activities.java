package org.openst.places.service;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.openst.places.api.PlaceActivity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered {@link PlaceActivity} services, in the order they were bound, and the one way
 * to call them: an activity that throws is logged and skipped, and one that was unbound gets no
 * further calls, even for events already queued.
 */
final class Activities {
    private static final Logger LOG = LoggerFactory.getLogger(Activities.class);

    private final CopyOnWriteArrayList<PlaceActivity> bound = new CopyOnWriteArrayList<>();

    void add(PlaceActivity activity) {
        bound.addIfAbsent(activity);
    }

    void remove(PlaceActivity activity) {
        bound.remove(activity);
    }

    /** The bound activities now, in binding order. */
    List<PlaceActivity> snapshot() {
        return List.copyOf(bound);
    }

    /** Calls {@code event} on each of {@code entered} that is still bound, one after the other. */
    void deliver(List<PlaceActivity> entered, String what, String placeName, Consumer<PlaceActivity> event) {
        for (PlaceActivity activity : entered) {
            if (!bound.contains(activity)) {
                continue;
            }
            try {
                event.accept(activity);
            } catch (RuntimeException e) {
                LOG.warn("places: activity {} failed in {} of place '{}'", nameOf(activity), what, placeName, e);
            }
        }
    }

    static String nameOf(PlaceActivity activity) {
        try {
            String name = activity.name();
            return name == null ? activity.getClass().getName() : name;
        } catch (RuntimeException e) {
            return activity.getClass().getName();
        }
    }
}
