package org.openst.resolve;

import static org.openst.support.config.ConfigChecks.atLeast;

/**
 * The resolve service's configuration, validated (keys: {@link ResolveService.Config}).
 *
 * @param maxMatches the most matches listed for one name
 * @param maxQueries the most names one request may ask
 * @param threads    workers that call the directory
 * @param queueSize  channels whose requests may wait for a worker
 * @param maxPending unanswered requests one channel may have
 */
record ResolveSettings(int maxMatches, int maxQueries, int threads, int queueSize, int maxPending) {

    ResolveSettings {
        atLeast("max.matches", maxMatches, 1);
        atLeast("max.queries", maxQueries, 1);
        atLeast("threads", threads, 1);
        atLeast("queue.size", queueSize, 1);
        atLeast("max.pending", maxPending, 1);
    }

    static ResolveSettings from(ResolveService.Config c) {
        return new ResolveSettings(c.max_matches(), c.max_queries(), c.threads(), c.queue_size(), c.max_pending());
    }
}
