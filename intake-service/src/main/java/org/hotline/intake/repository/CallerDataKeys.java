package org.hotline.intake.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The rows of {@code caller_data_key} that the background jobs take in batches. Each batch is
 * locked {@code FOR UPDATE SKIP LOCKED}: several instances share the work without waiting for
 * each other, and a row being used by a contact right now (share-locked by the vault) is left
 * for the next round.
 */
@ApplicationScoped
public class CallerDataKeys {

    /** A live data key as stored: wrapped by master key {@code version}. */
    public record Wrapped(UUID id, byte[] wrappedKey, int version) {
    }

    private final EntityManager entities;

    public CallerDataKeys(EntityManager entities) {
        this.entities = entities;
    }

    /** Locks up to {@code limit} live keys wrapped by one of {@code versions}; in the caller's transaction. */
    public List<Wrapped> lockWrappedBy(Collection<Integer> versions, int limit) {
        if (versions.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("""
                select id, wrapped_key, master_key_version from caller_data_key
                where erased_at is null and master_key_version in (:versions)
                order by id limit :limit for update skip locked""")
                .setParameter("versions", versions)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new Wrapped((UUID) row[0], (byte[]) row[1], ((Number) row[2]).intValue()))
                .toList();
    }

    public void rewrap(UUID id, byte[] wrappedKey, int version) {
        entities.createNativeQuery("update caller_data_key set wrapped_key = :wrapped, master_key_version = :version"
                + " where id = :id and erased_at is null")
                .setParameter("wrapped", wrappedKey)
                .setParameter("version", version)
                .setParameter("id", id)
                .executeUpdate();
    }

    /** How many live data keys each master key version wraps. */
    public Map<Integer, Long> liveByVersion() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery("select master_key_version, count(*) from caller_data_key"
                + " where erased_at is null group by master_key_version").getResultList();
        Map<Integer, Long> counts = new TreeMap<>();
        rows.forEach(row -> counts.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue()));
        return counts;
    }

    /**
     * Locks up to {@code limit} callers whose personal data is past retention: every case they
     * belong to reached a final state before {@code cutoff}, and they made no contact since. A
     * case intake has not heard of being opened counts as open. The contact condition also
     * covers a caller whose new surrender request is recorded but whose new case is not yet
     * known here: his key must not be destroyed under it.
     */
    public List<String> lockPastRetention(Instant cutoff, int limit) {
        @SuppressWarnings("unchecked")
        List<String> keys = entities.createNativeQuery("""
                select k.caller_key from caller_data_key k
                where k.erased_at is null
                  and exists (select 1 from case_caller cc where cc.caller_key = k.caller_key)
                  and not exists (select 1 from case_caller cc left join known_case c on c.case_id = cc.case_id
                                  where cc.caller_key = k.caller_key and (c.final_at is null or c.final_at > :cutoff))
                  and not exists (select 1 from contact ct where ct.caller_key = k.caller_key and ct.recorded_at > :cutoff)
                order by k.id limit :limit for update of k skip locked""")
                .setParameter("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .setParameter("limit", limit)
                .getResultList();
        return keys;
    }
}
