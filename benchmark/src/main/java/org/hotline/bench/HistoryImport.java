package org.hotline.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;

import org.hotline.events.Topics;
import org.hotline.history.BulkImport;
import org.hotline.history.HistoryPlan;
import org.hotline.history.Seed;

/**
 * {@code ./stack seed}'s bulk path, timed: the synthetic history at a scale, fed through intake's
 * {@code POST /api/v1/contacts:batch} by the history generator's own {@link Seed#run}, then carried
 * through until case-service and stats-service have applied every contact it recorded.
 */
final class HistoryImport {

    /** The reference history's seed, as {@code ./stack seed} uses by default. */
    private static final long SEED = 2022;
    private static final int BATCH = 1000;

    /**
     * @param importSeconds  from the first batch sent until intake answered the last
     * @param carriedSeconds from the first batch sent until both consumers applied the last contact
     */
    record Result(long contacts, long accepted, long refused, double importSeconds, double carriedSeconds) {

        double importedPerSecond() {
            return accepted / importSeconds;
        }

        double carriedPerSecond() {
            return accepted / carriedSeconds;
        }
    }

    private HistoryImport() {
    }

    /** {@code bearerToken}: a token with the {@code operator} role, without the "Bearer " in front. */
    static Result run(URI intake, String bearerToken, BigDecimal scale, Delivery delivery) {
        HistoryPlan plan = HistoryPlan.of(scale);
        // For the consumers to catch up once intake took the last batch: generous, a larger history lags more.
        Duration timeout = Duration.ofMinutes(20).plusSeconds(plan.contacts() / 50);
        // The history generator reads its token from this property, as under ./stack seed.
        System.setProperty("hotline.token", bearerToken);
        long contactsBefore = delivery.published(Topics.CONTACTS);
        long casesBefore = delivery.published(Topics.CASES);
        long start = System.nanoTime();
        BulkImport.Outcome outcome = Seed.run(plan, SEED, intake, BATCH);
        double importSeconds = (System.nanoTime() - start) / 1e9;
        // How many cases the history opens depends on its repeat callers: only the contacts are counted.
        if (!delivery.await(contactsBefore, outcome.accepted(), casesBefore, 0, timeout)) {
            throw new BenchFailure("the imported history was not all applied by case-service and stats-service within "
                    + timeout.toMinutes() + " min");
        }
        double carriedSeconds = (System.nanoTime() - start) / 1e9;
        return new Result(plan.contacts(), outcome.accepted(), outcome.refused(), importSeconds, carriedSeconds);
    }
}
