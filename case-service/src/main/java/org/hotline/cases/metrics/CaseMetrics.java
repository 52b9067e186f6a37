package org.hotline.cases.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.hotline.cases.CustodyDeadline;
import org.hotline.cases.config.CaseConfig;
import org.hotline.cases.repository.CaseCountRepository;
import org.hotline.events.CaseState;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Case figures for the ops room's alerts and dashboards, counted in the database on a schedule
 * rather than on each change: they stay right across restarts and whichever instance made the
 * change, and a scrape never waits for a query. Every instance reports the same figures, so
 * dashboards take their {@code max}, not their sum.
 *
 * <ul>
 * <li>{@code hotline.cases{state}}: cases now in each state;</li>
 * <li>{@code hotline.case.transitions{to}}: officers' changes of state recorded, by the state entered;</li>
 * <li>{@code hotline.custody.overdue{deadline}}: men in custody with a Geneva Conventions obligation late.</li>
 * </ul>
 */
@Startup
@ApplicationScoped
public class CaseMetrics {

    private static final Logger LOG = Logger.getLogger(CaseMetrics.class);

    private final CaseCountRepository counts;
    private final CaseConfig config;
    private final Clock clock;
    private final Map<CaseState, AtomicLong> byState = new EnumMap<>(CaseState.class);
    private final Map<CaseState, AtomicLong> transitions = new EnumMap<>(CaseState.class);
    private final Map<CustodyDeadline, AtomicLong> overdue = new EnumMap<>(CustodyDeadline.class);

    public CaseMetrics(CaseCountRepository counts, CaseConfig config, Clock clock, MeterRegistry registry) {
        this.counts = counts;
        this.config = config;
        this.clock = clock;
        for (CaseState state : CaseState.values()) {
            byState.put(state, new AtomicLong());
            transitions.put(state, new AtomicLong());
            Gauge.builder("hotline.cases", byState.get(state), AtomicLong::get)
                    .description("Cases now in each state").tag("state", state.name()).register(registry);
            FunctionCounter.builder("hotline.case.transitions", transitions.get(state), AtomicLong::get)
                    .description("Officers' changes of a case's state, by the state entered")
                    .tag("to", state.name()).register(registry);
        }
        for (CustodyDeadline deadline : CustodyDeadline.values()) {
            overdue.put(deadline, new AtomicLong());
            Gauge.builder("hotline.custody.overdue", overdue.get(deadline), AtomicLong::get)
                    .description("Men in custody for whom this obligation is past its deadline")
                    .tag("deadline", deadline.name()).register(registry);
        }
        // The consumer counts its dead letters as they happen; registered here so that the
        // series reads 0, not missing, until the first one. Same name and tag as DeadLetters.
        Counter.builder("hotline.dead.letters").description("Records sent to the dead-letter topic")
                .tag("channel", "contacts-in").register(registry);
    }

    @Scheduled(every = "${hotline.metrics.refresh:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            QuarkusTransaction.requiringNew().run(this::count);
        } catch (RuntimeException e) {
            // The database is away: the figures keep their last values, and readiness reports the database.
            LOG.debugf("Case metrics not refreshed: %s", e.getMessage());
        }
    }

    private void count() {
        counts.casesByState().forEach((state, count) -> byState.get(state).set(count));
        counts.transitionsByTarget().forEach((state, count) -> transitions.get(state).set(count));
        Instant now = clock.instant();
        for (CustodyDeadline deadline : CustodyDeadline.values()) {
            Instant custodyBefore = now.minus(config.deadlines().of(deadline));
            overdue.get(deadline).set(counts.inCustodyWithout(deadline.metBy(), custodyBefore));
        }
    }
}
