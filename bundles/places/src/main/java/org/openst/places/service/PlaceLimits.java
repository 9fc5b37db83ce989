package org.openst.places.service;

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
        if (maxNameLength < 1 || maxNameLength > STORAGE_KEY_LIMIT || maxTitleLength < 0 || maxMembers < 1) {
            throw new IllegalArgumentException("max.name.length must be 1.." + STORAGE_KEY_LIMIT
                    + ", max.title.length >= 0 and max.members >= 1, got " + maxNameLength + ", " + maxTitleLength
                    + ", " + maxMembers);
        }
    }

    /** Length as a person (and a VARCHAR column) counts it: code points, not UTF-16 units. */
    static int lengthOf(String s) {
        return s.codePointCount(0, s.length());
    }
}
