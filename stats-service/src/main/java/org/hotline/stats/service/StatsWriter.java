package org.hotline.stats.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.hotline.events.CaseEvent;
import org.hotline.events.ContactRecorded;
import org.hotline.events.HotlineEvent;
import org.hotline.inbox.ProcessedEvents;
import org.hotline.inbox.UnusableEvent;
import org.hotline.stats.repository.Generations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * Applies events to the stats store: live events to every live generation (the active one and one
 * being rebuilt), replayed events to the generation being rebuilt. Each generation drops an event
 * it has seen, so an event both replayed and consumed live is counted once in each.
 */
@ApplicationScoped
public class StatsWriter {

    private final Generations generations;
    private final ContactTally tally;
    private final CaseBoard board;
    private final ProcessedEvents processed;
    private final Event<LiveEventsApplied> liveEventsApplied;
    private final Clock clock;

    public StatsWriter(Generations generations, ContactTally tally, CaseBoard board, ProcessedEvents processed,
            Event<LiveEventsApplied> liveEventsApplied, Clock clock) {
        this.generations = generations;
        this.tally = tally;
        this.board = board;
        this.processed = processed;
        this.liveEventsApplied = liveEventsApplied;
        this.clock = clock;
    }

    /** Live events were applied; observed once their transaction committed ({@link StatsChanges}). */
    public record LiveEventsApplied(Instant at) {
    }

    /**
     * Throws {@link UnusableEvent} for an event that can never be applied (it belongs on the
     * dead-letter topic), before anything is written.
     */
    public static void check(HotlineEvent event) {
        if (event instanceof ContactRecorded contact) {
            ContactTally.check(contact);
        } else {
            CaseBoard.check((CaseEvent) event);
        }
    }

    /**
     * Applies a batch of live events, already checked, to every live generation, within the
     * inbox's transaction: {@code firstTimeIn} gives the events a generation has not applied
     * before (and records them as applied there).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends HotlineEvent> void applyLive(IntFunction<List<E>> firstTimeIn) {
        boolean applied = false;
        for (int generation : generations.live()) {
            applied |= apply(generation, firstTimeIn.apply(generation));
        }
        if (applied) {
            liveEventsApplied.fire(new LiveEventsApplied(clock.instant()));
        }
    }

    /** Applies replayed events, already checked, to one generation in one transaction, each once. */
    @Transactional
    public void applyReplayed(int generation, List<HotlineEvent> events) {
        apply(generation, processed.firstTimeIn(generation, events, HotlineEvent::eventId));
    }

    /**
     * Events the generation never applied: case events one by one in their order; contacts, by far
     * the most events, summed per bucket and written in a few statements. Returns false if there
     * were none.
     */
    private boolean apply(int generation, List<? extends HotlineEvent> firstTime) {
        List<ContactRecorded> contacts = new ArrayList<>();
        for (HotlineEvent event : firstTime) {
            if (event instanceof ContactRecorded contact) {
                contacts.add(contact);
            } else {
                board.apply(generation, (CaseEvent) event);
            }
        }
        tally.countAll(generation, contacts);
        return !firstTime.isEmpty();
    }
}
