package org.hotline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class DrainTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void windowRunsFromTheFirstProgressToTheEmptyBacklog() {
        List<Drain.Sample> samples = List.of(new Drain.Sample(0, 0), new Drain.Sample(8 * SECOND, 1_000),
                new Drain.Sample(18 * SECOND, 10_000));

        Drain drain = Drain.of(samples, 10_000);

        assertThat(drain).isEqualTo(new Drain(9_000, 10.0, 10_000, 10_000));
        assertThat(drain.eventsPerSecond()).isCloseTo(900, within(1e-9));
    }

    @Test
    void aBacklogGoneBetweenTwoSamplesIsTimedFromTheStart() {
        List<Drain.Sample> samples = List.of(new Drain.Sample(SECOND, 0), new Drain.Sample(5 * SECOND, 200));

        assertThat(Drain.of(samples, 200)).isEqualTo(new Drain(200, 4.0, 200, 200));
    }

    @Test
    void progressPastTheBacklogCountsWhatWasDone() {
        List<Drain.Sample> samples = List.of(new Drain.Sample(0, 0), new Drain.Sample(2 * SECOND, 10),
                new Drain.Sample(4 * SECOND, 110));

        assertThat(Drain.of(samples, 100)).isEqualTo(new Drain(100, 2.0, 100, 110));
    }

    @Test
    void watchSamplesUntilTheBacklogIsEmpty() {
        long[] done = {0};

        Drain drain = Drain.watch(() -> done[0] += 40, 100, Duration.ofMinutes(1), Duration.ofMinutes(1));

        assertThat(drain.events()).isEqualTo(120 - 40);
        assertThat(drain.emptied()).isTrue();
        assertThat(drain.seconds()).isPositive();
    }

    @Test
    void aDrainOverItsBudgetIsCutOffWithTheRateOfWhatItDid() {
        long[] done = {0};

        Drain drain = Drain.watch(() -> done[0] += 10, 1_000_000, Duration.ofMillis(350), Duration.ofMinutes(1));

        assertThat(drain.emptied()).isFalse();
        assertThat(drain.done()).isLessThan(1_000_000).isEqualTo(done[0]);
        assertThat(drain.events()).isEqualTo(done[0] - 10);
        assertThat(drain.describe("events")).startsWith("1,000,000 events; cut off after ").endsWith(Report.count(done[0]) + " done");
    }

    @Test
    void theBudgetRunsFromTheFirstProgressNotFromTheStart() {
        long[] calls = {0};

        // Nothing for 25 looks (a start slower than the budget), then 10 a look: done only if the
        // budget is counted from the first progress.
        Drain drain = Drain.watch(() -> Math.max(0, ++calls[0] - 25) * 10, 30, Duration.ofSeconds(2),
                Duration.ofMinutes(1));

        assertThat(drain.emptied()).isTrue();
        assertThat(drain).isEqualTo(new Drain(20, drain.seconds(), 30, 30));
    }

    @Test
    void noProgressWithinStartUpAndTheBudgetIsARateOfNothing() {
        Drain drain = Drain.watch(() -> 0, 5, Duration.ofMillis(150), Duration.ofMillis(100));

        assertThat(drain.events()).isZero();
        assertThat(drain.eventsPerSecond()).isZero();
        assertThat(drain.emptied()).isFalse();
    }
}
