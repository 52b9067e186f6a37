package org.hotline.audit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How refused requests are audited: a token bucket per source address, so that a client
 * hammering the service with bad tokens costs it a few rows a minute rather than one per request,
 * and how long the refusal rows are kept. The defaults are production's.
 */
@ConfigMapping(prefix = "hotline.audit.refusals")
public interface RefusalAuditConfig {

    /** Refusals of one source address recorded one by one at once; the rest are only counted. */
    @WithDefault("20")
    int burst();

    /** A source address gains one recorded refusal back this often (PT6S: ten a minute). */
    @WithDefault("PT6S")
    Duration refillEvery();

    /** Source addresses remembered at most (see the clock module's TokenBuckets). */
    @WithDefault("10000")
    int maxSources();

    /**
     * How often the refusals counted but not recorded are written as one summary row
     * ({@code http.refused.suppressed}); read by the scheduler as
     * {@code ${hotline.audit.refusals.summary-every}}.
     */
    @WithDefault("PT1M")
    Duration summaryEvery();

    /**
     * How long refusal rows ({@code http.refused}, {@code http.refused.suppressed}) are kept.
     * The database keeps them a day at least, whatever is set here (audit_prune_refusals).
     */
    @WithDefault("P90D")
    Duration retention();

    /** How often the refusal rows past their retention are deleted. */
    @WithDefault("PT1H")
    Duration pruneEvery();
}
