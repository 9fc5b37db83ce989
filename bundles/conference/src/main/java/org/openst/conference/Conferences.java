package org.openst.conference;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.openst.hub.api.ServiceChannel;

/** The live conferences by name (names compare exactly, as Meanwhile and Pidgin compare them). */
final class Conferences {

    private final ConcurrentMap<String, Conference> byName = new ConcurrentHashMap<>();

    /**
     * Joins a login's create channel to the conference of that name, creating it when there is none
     * (§6.3.1 [REC]: an existing name is a join; the existing title stays).
     *
     * @return the new member, or null when the conference has no member ID left
     */
    Member join(String name, String title, ServiceChannel channel) {
        while (true) {
            Conference conference = byName.computeIfAbsent(name, n -> new Conference(n, title, this::ended));
            Member member = conference.join(channel);
            if (member != null) {
                return member;
            }
            if (!conference.hasEnded()) {
                return null;
            }
            // Its last member left between the look-up and the join: it is out of the map (removed
            // under its lock before join could see it ended), so the next round starts a new one.
        }
    }

    /** Called under the conference's lock when its last member left. */
    private void ended(Conference conference) {
        byName.remove(conference.name(), conference);
    }

    Conference get(String name) {
        return byName.get(name);
    }

    int size() {
        return byName.size();
    }

    /** Empties the registry, returning what it held (the service stops). */
    List<Conference> clear() {
        List<Conference> all = new ArrayList<>(byName.values());
        all.forEach(c -> byName.remove(c.name(), c));
        return all;
    }
}
