package org.hotline.stats.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The ids of events already applied; recording one in the effect's transaction makes redelivery harmless. */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager em;

    public ProcessedEvents(EntityManager em) {
        this.em = em;
    }

    /** Records the event; false if it was recorded before, so its effect must not be applied again. */
    public boolean recordFirstTime(UUID eventId, Instant now) {
        return em.createNativeQuery("""
                insert into processed_event (event_id, processed_at) values (:eventId, :now)
                on conflict (event_id) do nothing""")
                .setParameter("eventId", eventId)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }
}
