package org.openst.logger.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleEvent;

class EventKindsTest {

    @Test
    void serviceTypesAreLowerCaseHexWithoutPadding() {
        assertEquals("channel.0x1000", EventKinds.channel(0x1000));
        assertEquals("channel.0x11", EventKinds.channel(0x11));
        assertEquals("messages.0x7e57", EventKinds.messages(0x7E57));
    }

    @Test
    void serviceTypesAreUnsigned() {
        assertEquals("channel.0x80000011", EventKinds.channel(0x80000011));
    }

    @Test
    void theFiveLifeCycleChangesOfABundleAreCounted() {
        assertEquals(Optional.of("bundle.installed"), EventKinds.ofBundleEvent(BundleEvent.INSTALLED));
        assertEquals(Optional.of("bundle.started"), EventKinds.ofBundleEvent(BundleEvent.STARTED));
        assertEquals(Optional.of("bundle.stopped"), EventKinds.ofBundleEvent(BundleEvent.STOPPED));
        assertEquals(Optional.of("bundle.updated"), EventKinds.ofBundleEvent(BundleEvent.UPDATED));
        assertEquals(Optional.of("bundle.uninstalled"), EventKinds.ofBundleEvent(BundleEvent.UNINSTALLED));
    }

    @Test
    void transitionalBundleEventsAreNotCounted() {
        for (int type : new int[] {BundleEvent.RESOLVED, BundleEvent.UNRESOLVED, BundleEvent.STARTING,
                BundleEvent.STOPPING, BundleEvent.LAZY_ACTIVATION, 0}) {
            assertEquals(Optional.empty(), EventKinds.ofBundleEvent(type), "type " + type);
        }
    }
}
