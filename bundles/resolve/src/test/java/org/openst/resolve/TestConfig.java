package org.openst.resolve;

import java.util.Map;

import org.openst.support.testing.Configs;

/** Hand-made configurations of the resolve component. */
final class TestConfig {

    private TestConfig() {
    }

    static ResolveService.Config config(int maxMatches, int maxQueries, int threads, int queueSize, int maxPending) {
        return Configs.of(ResolveService.Config.class, Map.of("max_matches", maxMatches, "max_queries", maxQueries,
                "threads", threads, "queue_size", queueSize, "max_pending", maxPending));
    }

    static ResolveService.Config defaults() {
        return config(50, 100, 2, 1000, 1000);
    }
}
