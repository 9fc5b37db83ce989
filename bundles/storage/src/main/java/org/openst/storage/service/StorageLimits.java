package org.openst.storage.service;

/**
 * What one user may store.
 *
 * @param maxUnitBytes        the largest value of one unit
 * @param quotaBytes          the most bytes of values one user may keep in total
 * @param maxUnitsPerRequest  the most keys one LOAD, or units one SAVE, may name
 */
record StorageLimits(int maxUnitBytes, long quotaBytes, int maxUnitsPerRequest) {

    StorageLimits {
        if (maxUnitBytes < 0 || quotaBytes < 0 || maxUnitsPerRequest < 1) {
            throw new IllegalArgumentException("max.unit.bytes and quota.bytes must be >= 0 and "
                    + "max.units.per.request >= 1, got " + maxUnitBytes + ", " + quotaBytes + ", " + maxUnitsPerRequest);
        }
    }
}
