package org.hotline.bench;

import java.time.Duration;
import java.util.List;

/**
 * How long and how hard each part of one benchmark run goes.
 *
 * @param load           each load run (the peak, each fixed rate, the freshness run)
 * @param warmUp         closed-model load before anything is measured, for the JIT
 * @param rateShares     the open-model rates, as shares of the measured peak
 * @param freshnessRate  the rate of the freshness run (the issue asks 1,000/s), capped at half the peak
 * @param pgbench        how long pgbench runs
 * @param kafkaRecords   records ProducerPerformance sends and ConsumerPerformance reads
 */
record BenchPlan(boolean smoke, Duration load, Duration warmUp, int peakConnections, List<Double> rateShares,
        double freshnessRate, Duration pgbench, long kafkaRecords) {

    static BenchPlan fullRun() {
        return new BenchPlan(false, Duration.ofSeconds(20), Duration.ofSeconds(10), 16, List.of(0.25, 0.5, 0.75),
                1000, Duration.ofSeconds(20), 300_000);
    }

    /** A few seconds each: proves every figure comes out, measures nothing worth quoting. */
    static BenchPlan smokeRun() {
        return new BenchPlan(true, Duration.ofSeconds(3), Duration.ofSeconds(1), 4, List.of(0.5), 1000,
                Duration.ofSeconds(2), 5_000);
    }
}
