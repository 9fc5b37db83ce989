package org.openst.hub.core.net;

import java.util.ArrayList;
import java.util.List;

/**
 * The connections a MINA I/O thread has queued frames for while it handles one read. Everything
 * a client's read causes (a relayed message, its answers) is collected per destination and
 * handed to MINA once at the end of the read, so a burst of frames to one client becomes one
 * write call instead of one per frame. Outside a read (login completion on the authentication
 * thread, timers, server applications' own threads) there is no batch and frames go out at once.
 *
 * <p>Confined to one thread; {@link BatchingFilter} opens and closes it.
 */
final class WriteBatch {
    private static final ThreadLocal<WriteBatch> CURRENT = new ThreadLocal<>();

    private final List<MinaConnection> dirty = new ArrayList<>();
    private int depth;

    /** The batch of the current thread, or null when it is not handling a read. */
    static WriteBatch current() {
        WriteBatch b = CURRENT.get();
        return b != null && b.depth > 0 ? b : null;
    }

    static WriteBatch open() {
        WriteBatch b = CURRENT.get();
        if (b == null) {
            b = new WriteBatch();
            CURRENT.set(b);
        }
        b.depth++;
        return b;
    }

    /** Closes one level; the outermost close flushes every connection that got frames. */
    void close() {
        if (--depth > 0) {
            return;
        }
        // A flush cannot add to this batch (depth is 0 now), so the list is stable while we run it.
        for (int i = 0; i < dirty.size(); i++) {
            dirty.get(i).flush();
        }
        dirty.clear();
    }

    void add(MinaConnection c) {
        dirty.add(c);
    }
}
