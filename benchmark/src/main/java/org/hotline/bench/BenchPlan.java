package org.hotline.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * How long and how hard each part of one benchmark run goes.
 *
 * @param load           each load run (the peak, each fixed rate, the freshness run)
 * @param warmUp         one round of closed-model load before anything is measured, for the JIT;
 *                       rounds go on until the JIT compilers are nearly idle ({@link #JIT_SETTLED})
 * @param warmUpLimit    the most the warm-up rounds may take together, settled or not
 * @param rateShares     the open-model rates, as shares of the measured peak
 * @param freshnessRate  the rate of the freshness run (the issue asks 1,000/s), capped at half the peak
 * @param pgbench        how long pgbench runs
 * @param kafkaRecords   records ProducerPerformance sends and ConsumerPerformance reads
 * @param drainEvents    the backlog of each drain (relay, each consumer with one and two instances);
 *                       the issue asks 1,000,000, the default keeps a full run near 10 minutes here
 * @param drainBudget    how long one drain (or the replay) may run before it is cut off and its rate
 *                       taken over what it did; lifted when a backlog size is asked for
 * @param importScale    the share of the reference history {@code ./stack seed} imports through the bulk path
 */
record BenchPlan(boolean smoke, Duration load, Duration warmUp, Duration warmUpLimit, int peakConnections, List<Double> rateShares,
        double freshnessRate, Duration pgbench, long kafkaRecords, long drainEvents, Duration drainBudget, BigDecimal importScale) {

    static final long FULL_DRAIN_EVENTS = 100_000;

    /**
     * The JIT counts as settled once the stack's compiler threads used less than this share of one
     * core during a warm-up round. A run measured earlier (a single 10 s warm-up) spent more of
     * intake's CPU in the C2 compiler than in handling requests.
     */
    static final double JIT_SETTLED = 0.10;

    static BenchPlan fullRun() {
        return new BenchPlan(false, Duration.ofSeconds(20), Duration.ofSeconds(10), Duration.ofMinutes(3), 16, List.of(0.25, 0.5, 0.75),
                1000, Duration.ofSeconds(20), 300_000, FULL_DRAIN_EVENTS, Duration.ofMinutes(2), new BigDecimal("0.001"));
    }

    /** A few seconds each: proves every figure comes out, measures nothing worth quoting. */
    static BenchPlan smokeRun() {
        return new BenchPlan(true, Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(1), 4, List.of(0.5), 1000,
                Duration.ofSeconds(2), 5_000, 500, Duration.ofMinutes(1), new BigDecimal("0.0001"));
    }

    /** A backlog asked for is drained whole: the budget becomes a timeout for a stuck drain only. */
    BenchPlan withDrainEvents(long events) {
        if (events < 1) {
            throw new BenchFailure("--drain-events must be 1 or more, not " + events);
        }
        return new BenchPlan(smoke, load, warmUp, warmUpLimit, peakConnections, rateShares, freshnessRate, pgbench, kafkaRecords,
                events, Duration.ofMinutes(10).plusSeconds(events / 50), importScale);
    }

    BenchPlan withImportScale(BigDecimal scale) {
        if (scale.signum() <= 0 || scale.compareTo(BigDecimal.ONE) > 0) {
            throw new BenchFailure("--import-scale must be above 0 and at most 1, not " + scale.toPlainString());
        }
        return new BenchPlan(smoke, load, warmUp, warmUpLimit, peakConnections, rateShares, freshnessRate, pgbench, kafkaRecords,
                drainEvents, drainBudget, scale);
    }
}
