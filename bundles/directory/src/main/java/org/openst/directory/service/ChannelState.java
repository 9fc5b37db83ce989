package org.openst.directory.service;

import java.util.HashMap;
import java.util.Map;

/**
 * What one client channel has open. Touched only by that channel's requests, which
 * {@link org.openst.support.channel.ChannelRequests} runs one at a time, so it needs no locking
 * of its own.
 */
final class ChannelState {

    /** One opened directory (an address book opened for browsing) and its current page. */
    static final class Browse {
        String query = "";
        /** Position of the current page's first entry; -1 before the first page. */
        int offset = -1;
        /** Whether the current page had results after it. */
        boolean more;
    }

    final Map<Integer, Browse> open = new HashMap<>();
    private int nextDirectoryId = 1;

    /** A new directory ID for this channel; never 0, which OPEN replies use for "none". */
    int newDirectoryId() {
        int id = nextDirectoryId++;
        if (nextDirectoryId == 0) {
            nextDirectoryId = 1;
        }
        return id;
    }
}
