package org.openst.buddylist;

import static org.openst.support.config.ConfigChecks.atLeast;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The awareness service's settings, validated (see {@link BuddyListComponent.Config} for the keys).
 *
 * @param communityAttributes attributes of the community server ID, by key (seed, "Buddy List")
 * @param maxSubscriptions    the most IDs one channel may subscribe to, groups' members included
 * @param maxAttributeBytes   the largest attribute value a login may set
 * @param maxAttributeKeys    the most keys one login may set, and one channel may watch
 */
record AwarenessSettings(Map<Integer, AttributeValue> communityAttributes, int maxSubscriptions,
        int maxAttributeBytes, int maxAttributeKeys) {

    static final int DEFAULT_MAX_SUBSCRIPTIONS = 10_000;
    static final int DEFAULT_MAX_ATTRIBUTE_BYTES = 4096;
    static final int DEFAULT_MAX_ATTRIBUTE_KEYS = 64;

    /** @throws IllegalArgumentException naming the configuration key of a value below 1 */
    AwarenessSettings {
        communityAttributes = Collections.unmodifiableSortedMap(new TreeMap<>(communityAttributes));
        atLeast("max.subscriptions", maxSubscriptions, 1);
        atLeast("max.attribute.bytes", maxAttributeBytes, 1);
        atLeast("max.attribute.keys", maxAttributeKeys, 1);
    }

    static AwarenessSettings defaults() {
        return new AwarenessSettings(Map.of(), DEFAULT_MAX_SUBSCRIPTIONS, DEFAULT_MAX_ATTRIBUTE_BYTES,
                DEFAULT_MAX_ATTRIBUTE_KEYS);
    }

    AwarenessSettings withCommunityAttributes(Map<Integer, AttributeValue> attributes) {
        return new AwarenessSettings(attributes, maxSubscriptions, maxAttributeBytes, maxAttributeKeys);
    }
}
