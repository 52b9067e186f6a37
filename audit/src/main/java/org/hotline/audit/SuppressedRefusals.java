package org.hotline.audit;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The refusals {@link RefusalAudit} counted instead of recording, beyond a source's rate limit:
 * written every {@code summary-every} as one row, so that the audit log still says that they
 * happened, how many, of which status and from how many sources, at a cost of one row a minute
 * however hard a client hammers. No address is stored, as in every other row.
 */
@ApplicationScoped
public class SuppressedRefusals {

    static final String ACTION = RefusalAudit.ACTION + ".suppressed";

    private final AuditLog auditLog;
    private final int maxSources;
    private final ConcurrentMap<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Boolean> sources = new ConcurrentHashMap<>();

    public SuppressedRefusals(AuditLog auditLog, RefusalAuditConfig config) {
        this.auditLog = auditLog;
        this.maxSources = config.maxSources();
    }

    /** Counts one refusal of {@code status} from {@code source} that was not recorded. */
    void count(int status, String source) {
        byStatus.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        if (sources.size() < maxSources) {
            sources.putIfAbsent(source, Boolean.TRUE);
        }
    }

    /**
     * Writes what was counted since the last summary as one row, if anything was. Each count is
     * taken and zeroed at once, so a refusal counted meanwhile goes into the next summary, never
     * into none; the number of sources is as near as that.
     *
     * @return the outcome written, or null if nothing had been suppressed
     */
    public synchronized String recordSummary() {
        Map<Integer, Long> counts = new TreeMap<>();
        byStatus.forEach((status, count) -> {
            long taken = count.getAndSet(0);
            if (taken > 0) {
                counts.put(status, taken);
            }
        });
        int sourceCount = sources.size();
        sources.clear();
        if (counts.isEmpty()) {
            return null;
        }
        String outcome = outcome(counts, sourceCount, sourceCount >= maxSources);
        try {
            auditLog.record(AuditLog.ANONYMOUS, ACTION, null, null, outcome);
        } catch (RuntimeException e) {
            // The database is away: the counts wait for the next summary rather than vanish.
            counts.forEach((status, count) -> byStatus.computeIfAbsent(status, k -> new AtomicLong()).addAndGet(count));
            throw e;
        }
        return outcome;
    }

    @Scheduled(every = "${hotline.audit.refusals.summary-every:PT1M}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recordSummaryOnSchedule() {
        recordSummary();
    }

    /** e.g. {@code refused-401 x412, refused-403 x3 from 2 sources}, statuses in order. */
    static String outcome(Map<Integer, Long> byStatus, int sources, boolean moreSources) {
        return new TreeMap<>(byStatus).entrySet().stream()
                .map(e -> "refused-" + e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", "))
                + " from " + (moreSources ? "at least " : "") + sources + (sources == 1 ? " source" : " sources");
    }
}
