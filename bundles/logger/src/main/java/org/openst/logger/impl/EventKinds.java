package org.openst.logger.impl;

import java.util.Optional;

import org.openst.logger.api.Statistics;
import org.osgi.framework.BundleEvent;

/** The names of statistics event kinds (listed in {@link Statistics}). */
final class EventKinds {
    static final String BUNDLE_INSTALLED = Statistics.BUNDLE_PREFIX + "installed";
    static final String BUNDLE_STARTED = Statistics.BUNDLE_PREFIX + "started";
    static final String BUNDLE_STOPPED = Statistics.BUNDLE_PREFIX + "stopped";
    static final String BUNDLE_UPDATED = Statistics.BUNDLE_PREFIX + "updated";
    static final String BUNDLE_UNINSTALLED = Statistics.BUNDLE_PREFIX + "uninstalled";

    private EventKinds() {
    }

    /** {@code channel.0x1000} for the IM service: a channel of that service type was opened. */
    static String channel(int serviceType) {
        return Statistics.CHANNEL_PREFIX + hex(serviceType);
    }

    /** {@code messages.0x1000}: channel messages sent on that service type. */
    static String messages(int serviceType) {
        return Statistics.MESSAGES_PREFIX + hex(serviceType);
    }

    /** Service types are u32 on the wire (protocol spec §6.0): printed unsigned, lower case, no padding. */
    static String hex(int serviceType) {
        return "0x" + Integer.toHexString(serviceType);
    }

    /**
     * The kind of a {@link BundleEvent} type, or empty for the types that are not changes of a
     * bundle's life cycle worth counting (RESOLVED, STARTING, LAZY_ACTIVATION...).
     */
    static Optional<String> ofBundleEvent(int bundleEventType) {
        switch (bundleEventType) {
            case BundleEvent.INSTALLED:
                return Optional.of(BUNDLE_INSTALLED);
            case BundleEvent.STARTED:
                return Optional.of(BUNDLE_STARTED);
            case BundleEvent.STOPPED:
                return Optional.of(BUNDLE_STOPPED);
            case BundleEvent.UPDATED:
                return Optional.of(BUNDLE_UPDATED);
            case BundleEvent.UNINSTALLED:
                return Optional.of(BUNDLE_UNINSTALLED);
            default:
                return Optional.empty();
        }
    }
}
