package org.hotline.cases.service;

import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import org.hibernate.Session;
import org.hotline.inbox.ProcessedEventIds;

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
     * Records the events as applied, in the transaction of their effect, in one statement: the
     * lookup and the insert of the new ids are the same {@code on conflict do nothing}. A second
     * delivery running at the same time waits here for the first to commit, then sees its rows.
     *
     * @return the ids recorded now, to apply; those applied before (and the repeats within
     *         {@code eventIds}) are left out
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> markApplied(Collection<UUID> eventIds) {
        return Panache.getEntityManager().unwrap(Session.class).doReturningWork(
                connection -> ProcessedEventIds.recordFirstTime(connection, eventIds, clock.instant()));
    }
}
