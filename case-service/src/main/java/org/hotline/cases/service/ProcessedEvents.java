package org.hotline.cases.service;

import java.time.Clock;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The events already applied, so a redelivered event changes nothing twice. */
@ApplicationScoped
public class ProcessedEvents {

    private final Clock clock;

    public ProcessedEvents(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records the event as applied, in the transaction of its effect. A second delivery running
     * at the same time waits here for the first to commit, then sees the row.
     *
     * @return false if the event was applied before: skip it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markApplied(UUID eventId) {
        return Panache.getEntityManager()
                .createNativeQuery("insert into processed_event (event_id, processed_at) values (?1, ?2)"
                        + " on conflict do nothing")
                .setParameter(1, eventId)
                .setParameter(2, clock.instant())
                .executeUpdate() == 1;
    }
}
