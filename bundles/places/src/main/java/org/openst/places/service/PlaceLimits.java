package org.openst.places.service;

import static org.openst.support.config.ConfigChecks.atLeast;
import static org.openst.support.config.ConfigChecks.between;

/**
 * What clients may ask of places.
 *
 * @param maxNameLength  the longest place name, in characters; at most 512, the longest key the
 *                       storage back ends keep ({@code ConfigRecords})
 * @param maxTitleLength the longest title, in characters
 * @param maxMembers     the most channels one place holds (members and channels about to join)
 */
record PlaceLimits(int maxNameLength, int maxTitleLength, int maxMembers) {
    static final int STORAGE_KEY_LIMIT = 512;

    PlaceLimits {
        between("max.name.length", maxNameLength, 1, STORAGE_KEY_LIMIT);
        atLeast("max.title.length", maxTitleLength, 0);
        atLeast("max.members", maxMembers, 1);
    }

    /** Length as a person (and a VARCHAR column) counts it: code points, not UTF-16 units. */
    static int lengthOf(String s) {
        return s.codePointCount(0, s.length());
    }
}
