package org.openst.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The benchmark at CI scale ({@code bench/run.sh smoke}): the real distribution in its own
 * process, load-generator processes, every scenario small and short (500 sessions over two
 * processes, 50 IM pairs against the hub and the bare relay, 200 watchers, churn for 3 s). Fails
 * on any lost message and any error (refused login, unexpected disconnect or channel close,
 * missed presence update, hub ERROR log line). Performance numbers are printed, not asserted.
 */
class BenchSmokeIT {

    @Test
    void everyScenarioAtSmallScaleLosesNothingAndFailsNothing() throws Exception {
        Report report = Bench.run("smoke");
        assertEquals(0, report.lost(), () -> "lost messages: " + String.join("\n", report.problems()));
        assertEquals(0, report.errors(), () -> "errors: " + String.join("\n", report.problems()));
    }
}
