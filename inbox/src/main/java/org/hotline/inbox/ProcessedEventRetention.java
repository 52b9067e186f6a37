package org.hotline.inbox;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hotline.events.EventJson;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Keeps each consumer's {@code processed_event} table, its exactly-once record, to the newest
 * {@code hotline.inbox.processed-events.keep} event ids, so it does not grow with the history.
 *
 * <p>Why that stays exact: a copy of an applied event reaches a consumer again only (a) when Kafka
 * redelivers records whose offsets were not committed yet (after a crash, a rebalance or a stop),
 * at most the records fetched since the last commit, or (b) when the outbox relay sends again a
 * batch whose acknowledgement it lost, at most one relay batch (2,000) behind the first copy in the
 * log. Both come within a few thousand applied events of the first copy, far inside the ids kept
 * (1,000,000 by default). Ids are kept by how many events were applied after them, never by time,
 * so a consumer that was down for a month still finds the ids of what it applied just before.
 * (c) A dead letter can be replayed at any time: the ids of the events in the dead-letter topic
 * are never pruned, so a letter replayed twice is still applied once.
 */
@ApplicationScoped
public class ProcessedEventRetention {

    private static final Logger LOG = Logger.getLogger(ProcessedEventRetention.class);

    private final EntityManager entities;
    private final DeadLetterTopic deadLetters;
    private final InboxConfig config;

    public ProcessedEventRetention(EntityManager entities, DeadLetterTopic deadLetters, InboxConfig config) {
        this.entities = entities;
        this.deadLetters = deadLetters;
        this.config = config;
    }

    @Scheduled(every = "${hotline.inbox.processed-events.prune-every:1m}", delayed = "${hotline.inbox.processed-events.prune-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        try {
            prune(config.processedEvents().keep());
        } catch (RuntimeException e) {
            // Harmless: nothing was lost, the table is a little bigger until the next run.
            LOG.warnf("processed_event not pruned this time: %s", e.getMessage());
        }
    }

    /**
     * Deletes the ids older than the newest {@code keep}, but those of dead letters, in batches
     * of {@code prune-batch}, each its own short transaction so consumers are never held up.
     *
     * @return how many ids were deleted
     */
    public long prune(long keep) {
        Long newest = QuarkusTransaction.requiringNew().call(() -> (Long) entities
                .createNativeQuery("select max(seq) from processed_event").getSingleResult());
        if (newest == null || newest <= keep) {
            return 0;
        }
        long below = newest - keep;
        String[] kept = deadLetterEventIds().stream().map(UUID::toString).toArray(String[]::new);
        int batch = config.processedEvents().pruneBatch();
        long deleted = 0;
        int last;
        do {
            last = QuarkusTransaction.requiringNew().call(() -> entities.createNativeQuery("""
                    delete from processed_event where seq in (
                        select seq from processed_event
                        where seq <= :below and event_id <> all(cast(:kept as uuid[]))
                        order by seq limit :batch)""")
                    .setParameter("below", below)
                    .setParameter("kept", kept)
                    .setParameter("batch", batch)
                    .executeUpdate());
            deleted += last;
        } while (last == batch);
        if (deleted > 0) {
            LOG.debugf("Pruned %d processed event ids older than the newest %d", deleted, keep);
        }
        return deleted;
    }

    /** The event ids of this service's dead letters; none if it has no dead-letter topic. */
    private Set<UUID> deadLetterEventIds() {
        Set<UUID> ids = new HashSet<>();
        if (config.deadLetterTopic().isEmpty()) {
            return ids;
        }
        List<DeadLetterTopic.Stored> letters = deadLetters.readAll();
        for (DeadLetterTopic.Stored letter : letters) {
            idOf(letter).ifPresent(ids::add);
        }
        return ids;
    }

    private static java.util.Optional<UUID> idOf(DeadLetterTopic.Stored letter) {
        try {
            if (letter.eventId() != null) {
                return java.util.Optional.of(UUID.fromString(letter.eventId()));
            }
            // A record without the header: its id, if its payload can be read at all.
            return java.util.Optional.ofNullable(EventJson.read(letter.payload()).eventId());
        } catch (RuntimeException unreadable) {
            // Never applicable, so never applied: there is no id to keep.
            return java.util.Optional.empty();
        }
    }
}
