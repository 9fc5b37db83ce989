package org.openst.logger.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MessageSamplerTest {
    private static final Instant T0 = Instant.parse("2026-11-24T10:58:00Z");
    private static final Instant T1 = Instant.parse("2026-11-24T10:59:00Z");
    private static final Instant T2 = Instant.parse("2026-11-24T11:00:00Z");

    @Test
    void theFirstSampleIsOnlyABaseline() {
        MessageSampler sampler = new MessageSampler();
        assertEquals(List.of(), sampler.sample(Map.of(0x1000, 500L), T0));
    }

    @Test
    void deltasAreBookedAtTheStartOfTheirInterval() {
        MessageSampler sampler = new MessageSampler();
        sampler.sample(Map.of(0x1000, 500L), T0);
        assertEquals(List.of(new MessageSampler.Delta(T0, 0x11, 2), new MessageSampler.Delta(T0, 0x1000, 7)),
                sampler.sample(Map.of(0x1000, 507L, 0x11, 2L), T1));
        // [10:59, 11:00) belongs to hour 10, though the sample is taken at 11:00.
        assertEquals(List.of(new MessageSampler.Delta(T1, 0x1000, 1)), sampler.sample(Map.of(0x1000, 508L, 0x11, 2L), T2));
    }

    @Test
    void zeroDeltasAreSkipped() {
        MessageSampler sampler = new MessageSampler();
        sampler.sample(Map.of(0x1000, 5L), T0);
        assertEquals(List.of(), sampler.sample(Map.of(0x1000, 5L), T1));
    }

    @Test
    void aCounterBelowItsPreviousValueRestartedAndCountsInFull() {
        MessageSampler sampler = new MessageSampler();
        sampler.sample(Map.of(0x1000, 50L), T0);
        assertEquals(List.of(new MessageSampler.Delta(T0, 0x1000, 3)), sampler.sample(Map.of(0x1000, 3L), T1));
    }

    @Test
    void samplesFallOnWholeMultiplesOfTheInterval() {
        assertEquals(Duration.ofSeconds(35), MessageSampler.firstDelay(Instant.parse("2026-11-24T10:58:25Z"),
                Duration.ofSeconds(60)));
        assertEquals(Duration.ofSeconds(60), MessageSampler.firstDelay(T0, Duration.ofSeconds(60)));
        // Five minutes divide the hour: 10:58:25 waits for 11:00:00.
        assertEquals(Duration.ofSeconds(95), MessageSampler.firstDelay(Instant.parse("2026-11-24T10:58:25Z"),
                Duration.ofMinutes(5)));
    }
}
