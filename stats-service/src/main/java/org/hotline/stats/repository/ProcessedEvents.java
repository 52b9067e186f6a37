package org.hotline.stats.repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The ids of events already applied, per generation; recording one in the effect's transaction
 * makes redelivery harmless, and a replay into a new generation starts from none.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager em;

    public ProcessedEvents(EntityManager em) {
        this.em = em;
    }

    /**
     * Records many events in one statement; returns the ids recorded now, leaving out those
     * recorded before and the repeats within {@code eventIds}.
     */
    public Set<UUID> recordFirstTime(int generation, Collection<UUID> eventIds, Instant now) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into processed_event (generation, event_id, processed_at)
                    select ?, id, cast(? as timestamptz) from unnest(?) as id
                    on conflict (generation, event_id) do nothing
                    returning event_id""")) {
                insert.setInt(1, generation);
                insert.setString(2, now.toString());
                insert.setArray(3, connection.createArrayOf("uuid", eventIds.toArray()));
                Set<UUID> recorded = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        recorded.add(rows.getObject(1, UUID.class));
                    }
                }
                return recorded;
            }
        });
    }

    /** Records the event; false if it was recorded before, so its effect must not be applied again. */
    public boolean recordFirstTime(int generation, UUID eventId, Instant now) {
        return em.createNativeQuery("""
                insert into processed_event (generation, event_id, processed_at) values (:generation, :eventId, :now)
                on conflict (generation, event_id) do nothing""")
                .setParameter("generation", generation)
                .setParameter("eventId", eventId)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }
}
