package org.openst.chatlogging.service;

import java.util.LinkedHashSet;
import java.util.Set;

/** Which companion components the chat log has switched on, as SCR would keep them. */
final class RecordingCompanions implements Companions {
    private final Set<String> enabled = new LinkedHashSet<>();

    @Override
    public synchronized void enable(String componentName) {
        enabled.add(componentName);
    }

    @Override
    public synchronized void disable(String componentName) {
        enabled.remove(componentName);
    }

    synchronized Set<String> enabled() {
        return Set.copyOf(enabled);
    }
}
