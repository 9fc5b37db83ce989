package org.openst.resolve;

import java.lang.annotation.Annotation;

/** Hand-made configurations of the resolve component. */
final class TestConfig {

    private TestConfig() {
    }

    static ResolveService.Config config(int maxMatches, int maxQueries, int threads, int queueSize, int maxPending) {
        return new ResolveService.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ResolveService.Config.class;
            }

            @Override
            public int max_matches() {
                return maxMatches;
            }

            @Override
            public int max_queries() {
                return maxQueries;
            }

            @Override
            public int threads() {
                return threads;
            }

            @Override
            public int queue_size() {
                return queueSize;
            }

            @Override
            public int max_pending() {
                return maxPending;
            }

            @Override
            public int service_ranking() {
                return 0;
            }
        };
    }

    static ResolveService.Config defaults() {
        return config(50, 100, 2, 1000, 1000);
    }
}
