package org.hotline.inbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** {@code erasure_ledger_position}: per partition of the ledger, the offset of the next record to apply. */
@ApplicationScoped
public class ErasureLedgerPositions {

    private final EntityManager entities;

    public ErasureLedgerPositions(EntityManager entities) {
        this.entities = entities;
    }

    /** Partition to next offset; a partition never read is absent (read from its start). */
    public Map<Integer, Long> of(String topic) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entities.createNativeQuery(
                "select partition, next_offset from erasure_ledger_position where topic = :topic")
                .setParameter("topic", topic)
                .getResultList();
        Map<Integer, Long> positions = new HashMap<>();
        for (Object[] row : rows) {
            positions.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue());
        }
        return positions;
    }

    /**
     * Sets the positions as given, in the caller's transaction. Set, not raised: a position is only
     * ever lowered by a re-read of partitions whose stored position lay beyond their end (a
     * re-created topic); two instances catching up at once may also set one back a little, which
     * only applies some erasures once more.
     */
    public void save(String topic, Map<Integer, Long> positions) {
        positions.forEach((partition, next) -> entities.createNativeQuery("""
                insert into erasure_ledger_position (topic, partition, next_offset, updated_at)
                values (:topic, :partition, :next, now())
                on conflict (topic, partition) do update set next_offset = excluded.next_offset,
                    updated_at = excluded.updated_at""")
                .setParameter("topic", topic)
                .setParameter("partition", partition)
                .setParameter("next", next)
                .executeUpdate());
    }
}
