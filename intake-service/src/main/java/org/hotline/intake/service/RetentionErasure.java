package org.hotline.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.hotline.intake.config.PersonalDataConfig;
import org.hotline.intake.repository.CallerDataKeys;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Erases, as an erasure on request does, the personal data of every caller whose cases have all
 * been final for longer than {@code hotline.personal-data.retention} and who has not called since.
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
    private final PersonalDataConfig config;
    private final Clock clock;

    public RetentionErasure(CallerDataKeys dataKeys, CallerErasure erasure, PersonalDataConfig config, Clock clock) {
        this.dataKeys = dataKeys;
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
                callers.forEach(callerKey -> erasure.erase(callerKey, actor));
                return callers.size();
            });
            total += batch;
        } while (batch > 0);
        return total;
    }
}
