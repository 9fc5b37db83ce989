package org.openst.storage.service;

import static org.openst.support.config.ConfigChecks.atLeast;

/**
 * What one user may store.
 *
 * @param maxUnitBytes        the largest value of one unit
 * @param quotaBytes          the most bytes of values one user may keep in total
 * @param maxUnitsPerRequest  the most keys one LOAD, or units one SAVE, may name
 */
record StorageLimits(int maxUnitBytes, long quotaBytes, int maxUnitsPerRequest) {

    StorageLimits {
        atLeast("max.unit.bytes", maxUnitBytes, 0);
        atLeast("quota.bytes", quotaBytes, 0L);
        atLeast("max.units.per.request", maxUnitsPerRequest, 1);
    }
}
