package org.hotline.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.hotline.events.CallerErased;
import org.hotline.intake.config.PersonalDataConfig;
import org.hotline.intake.repository.CallerDataKeys;
import org.hotline.intake.repository.KnownCases;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Forgets, as an erasure on request does, every caller who has not called for longer than
 * {@code hotline.personal-data.retention} and whose cases, if he has any, have all been final for
 * as long: callers with no case (information calls, abuse, inquiries) included. Then prunes what
 * intake knew of cases that concern nobody any more.
 * Batch by batch, each its own transaction with its rows locked {@code FOR UPDATE SKIP LOCKED},
 * so several instances share the work and a contact being recorded is never erased under.
 */
@ApplicationScoped
public class RetentionErasure {

    private static final Logger LOG = Logger.getLogger(RetentionErasure.class);

    /** The scheduled job's identity, by which it can be paused. */
    public static final String JOB = "retention-erasure";

    private final CallerDataKeys dataKeys;
    private final CallerErasure erasure;
    private final KnownCases knownCases;
    private final PersonalDataConfig config;
    private final Clock clock;

    public RetentionErasure(CallerDataKeys dataKeys, CallerErasure erasure, KnownCases knownCases,
            PersonalDataConfig config, Clock clock) {
        this.dataKeys = dataKeys;
        this.knownCases = knownCases;
        this.erasure = erasure;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = JOB, every = "{hotline.personal-data.retention-check-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        int erased = eraseAllPastRetention();
        if (erased > 0) {
            LOG.infof("Retention erased the personal data of %d callers", erased);
        }
    }

    /** Erases batch after batch until no caller past retention is left; returns how many were erased. */
    public int eraseAllPastRetention() {
        Instant cutoff = clock.instant().minus(config.retention());
        String actor = "retention (" + config.retention() + ")";
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> {
                List<String> callers = dataKeys.lockPastRetention(cutoff, config.jobBatchSize());
                callers.forEach(callerKey -> erasure.erase(callerKey, actor, CallerErased.Cause.RETENTION));
                return callers.size();
            });
            total += batch;
        } while (batch > 0);
        QuarkusTransaction.requiringNew().run(() -> knownCases.pruneSettled(cutoff));
        return total;
    }
}
