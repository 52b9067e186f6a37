package org.hotline.intake.service;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.hotline.intake.config.PersonalDataConfig;
import org.hotline.intake.crypto.MasterKeys;
import org.hotline.intake.repository.CallerDataKeys;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Re-wraps every data key still under an older master key with the active one, while the service
 * runs: each batch in its own short transaction, its rows locked {@code FOR UPDATE SKIP LOCKED},
 * so several instances share the work and contacts and reads go on meanwhile (a read opens a key
 * under either version, both being configured). Only the wrapping changes: the data keys, and
 * so every sealed contact, stay as they are.
 */
@ApplicationScoped
public class MasterKeyRotation {

    private static final Logger LOG = Logger.getLogger(MasterKeyRotation.class);

    /**
     * Where the rotation stands.
     *
     * @param liveKeysByVersion live data keys per master key version
     * @param pending           live keys still to re-wrap with the active version
     * @param unreadable        live keys under a version that is not configured: they stay as they are
     *                          until that key is given again (their callers' data cannot be read)
     * @param retirable         configured unwrap-only versions that no live key needs any more: these
     *                          can be removed from the configuration
     */
    public record Progress(int activeVersion, SortedSet<Integer> configuredVersions, Map<Integer, Long> liveKeysByVersion,
            long pending, long unreadable, SortedSet<Integer> retirable) {
    }

    /** The scheduled job's identity, by which it can be paused. */
    public static final String JOB = "master-key-rotation";

    private final MasterKeys masterKeys;
    private final CallerDataKeys dataKeys;
    private final PersonalDataConfig config;

    public MasterKeyRotation(MasterKeys masterKeys, CallerDataKeys dataKeys, PersonalDataConfig config) {
        this.masterKeys = masterKeys;
        this.dataKeys = dataKeys;
        this.config = config;
    }

    @Scheduled(identity = JOB, every = "{hotline.personal-data.rotation-check-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        int rewrapped = rewrapAll();
        if (rewrapped > 0) {
            LOG.infof("Re-wrapped %d data keys with master key version %d", rewrapped, masterKeys.activeVersion());
        }
    }

    /** Re-wraps batch after batch until none is left (or only rows other instances hold); returns how many. */
    public int rewrapAll() {
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::rewrapBatch);
            total += batch;
        } while (batch > 0);
        return total;
    }

    public Progress progress() {
        Map<Integer, Long> live = QuarkusTransaction.requiringNew().call(dataKeys::liveByVersion);
        SortedSet<Integer> configured = masterKeys.versions();
        int active = masterKeys.activeVersion();
        long pending = live.entrySet().stream().filter(e -> e.getKey() != active && configured.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        long unreadable = live.entrySet().stream().filter(e -> !configured.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        SortedSet<Integer> retirable = new TreeSet<>(configured);
        retirable.remove(active);
        retirable.removeAll(live.keySet());
        return new Progress(active, configured, live, pending, unreadable, retirable);
    }

    private int rewrapBatch() {
        Set<Integer> older = new TreeSet<>(masterKeys.versions());
        older.remove(masterKeys.activeVersion());
        List<CallerDataKeys.Wrapped> batch = dataKeys.lockWrappedBy(older, config.jobBatchSize());
        for (CallerDataKeys.Wrapped key : batch) {
            byte[] keyId = PersonalDataVault.bytes(key.id());
            byte[] rewrapped = masterKeys.wrap(masterKeys.unwrap(key.wrappedKey(), keyId, key.version()), keyId);
            dataKeys.rewrap(key.id(), rewrapped, masterKeys.activeVersion());
        }
        return batch.size();
    }
}
