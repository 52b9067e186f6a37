package org.hotline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class DrainTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void windowRunsFromTheFirstProgressToTheEmptyBacklog() {
        List<Drain.Sample> samples = List.of(new Drain.Sample(0, 0), new Drain.Sample(8 * SECOND, 1_000),
                new Drain.Sample(18 * SECOND, 10_000));

        Drain drain = Drain.of(samples, 10_000);

        assertThat(drain).isEqualTo(new Drain(9_000, 10.0, 10_000));
        assertThat(drain.eventsPerSecond()).isCloseTo(900, within(1e-9));
    }

    @Test
    void aBacklogGoneBetweenTwoSamplesIsTimedFromTheStart() {
        List<Drain.Sample> samples = List.of(new Drain.Sample(SECOND, 0), new Drain.Sample(5 * SECOND, 200));

        assertThat(Drain.of(samples, 200)).isEqualTo(new Drain(200, 4.0, 200));
    }

    @Test
    void progressPastTheBacklogCountsWhatWasDone() {
        List<Drain.Sample> samples = List.of(new Drain.Sample(0, 0), new Drain.Sample(2 * SECOND, 10),
                new Drain.Sample(4 * SECOND, 110));

        assertThat(Drain.of(samples, 100)).isEqualTo(new Drain(100, 2.0, 100));
    }

    @Test
    void watchSamplesUntilTheBacklogIsEmpty() {
        long[] done = {0};

        Drain drain = Drain.watch("a counter", () -> done[0] += 40, 100, java.time.Duration.ofMinutes(1));

        assertThat(drain.events()).isEqualTo(120 - 40);
        assertThat(drain.backlog()).isEqualTo(100);
        assertThat(drain.seconds()).isPositive();
    }
}
