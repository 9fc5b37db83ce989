package org.openst.places.service;

import org.openst.storage.api.ConfigRecords;

/**
 * Where place definitions persist: one {@link ConfigRecords} record per place, namespace
 * {@value #NAMESPACE}, key = place name, value = title. Only the definition persists; membership
 * is runtime state. Every call may block: run it off the network threads.
 */
final class PlaceDefinitions {
    static final String NAMESPACE = "org.openst.places";

    private final ConfigRecords records;

    PlaceDefinitions(ConfigRecords records) {
        this.records = records;
    }

    /**
     * Creates the place's definition if it has none, atomically.
     *
     * @return the stored title: {@code title} for a new place, the stored one for an existing place
     * @throws org.openst.storage.api.StorageException when the store fails
     */
    String openOrCreate(String name, String title) {
        return records.putIfAbsent(NAMESPACE, name, title);
    }
}
