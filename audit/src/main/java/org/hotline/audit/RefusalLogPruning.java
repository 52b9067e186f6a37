package org.hotline.audit;

import java.time.Duration;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Deletes the refusal rows ({@code http.refused}, {@code http.refused.suppressed}) older than
 * {@code hotline.audit.refusals.retention}, every {@code prune-every}. The rest of the log is
 * never deleted. The service's role may not delete from the log itself: it calls a function its
 * owner wrote ({@code audit_prune_refusals}, db/audit), which deletes refusal rows only, and none
 * younger than a day, whatever it is asked.
 */
@ApplicationScoped
public class RefusalLogPruning {

    private static final Logger LOG = Logger.getLogger(RefusalLogPruning.class);

    private final AuditLog auditLog;
    private final Duration retention;

    public RefusalLogPruning(AuditLog auditLog, RefusalAuditConfig config) {
        this.auditLog = auditLog;
        this.retention = config.retention();
    }

    @Scheduled(every = "${hotline.audit.refusals.prune-every:PT1H}", delayed = "PT1M",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pruneOnSchedule() {
        prune();
    }

    /** @return the rows deleted */
    public long prune() {
        long pruned = auditLog.pruneRefusals(retention);
        if (pruned > 0) {
            LOG.infof("Pruned %d refusal rows of the audit log older than %s", pruned, retention);
        }
        return pruned;
    }
}
