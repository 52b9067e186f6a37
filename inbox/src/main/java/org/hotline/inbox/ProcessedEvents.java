package org.hotline.inbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The service's record of the events it applied ({@code processed_event}), written in the
 * transaction of their effect through the statements of {@link ProcessedEventIds}.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;
    private final Clock clock;

    public ProcessedEvents(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Records the events as applied and returns those recorded now, in their order: an event
     * recorded before, or repeated within {@code events}, is left out (its first copy stays).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E> List<E> firstTime(List<E> events, Function<E, UUID> idOf) {
        Set<UUID> recorded = entityManager.unwrap(Session.class).doReturningWork(connection ->
                ProcessedEventIds.recordFirstTime(connection, ids(events, idOf), clock.instant()));
        return kept(events, idOf, recorded);
    }

    /**
     * The same in a store kept in generations, each built once from the whole history
     * (stats-service): an event applied to one generation is still new to another.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E> List<E> firstTimeIn(int generation, List<E> events, Function<E, UUID> idOf) {
        Set<UUID> recorded = entityManager.unwrap(Session.class).doReturningWork(connection ->
                ProcessedEventIds.recordFirstTime(connection, generation, ids(events, idOf), clock.instant()));
        return kept(events, idOf, recorded);
    }

    private static <E> List<UUID> ids(List<E> events, Function<E, UUID> idOf) {
        return events.stream().map(idOf).toList();
    }

    private static <E> List<E> kept(List<E> events, Function<E, UUID> idOf, Set<UUID> recordedNow) {
        Set<UUID> unclaimed = new HashSet<>(recordedNow);
        List<E> kept = new ArrayList<>();
        for (E event : events) {
            // Removing the id keeps the first copy of an event repeated within the list.
            if (unclaimed.remove(idOf.apply(event))) {
                kept.add(event);
            }
        }
        return kept;
    }
}
