package org.hotline.stats.service;

import java.util.ArrayList;
import java.util.List;

import org.hotline.events.CaseEvent;
import org.hotline.events.ContactRecorded;
import org.hotline.events.HotlineEvent;
import org.hotline.stats.repository.Generations;

import jakarta.enterprise.context.ApplicationScoped;
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

    public StatsWriter(Generations generations, ContactTally tally, CaseBoard board) {
        this.generations = generations;
        this.tally = tally;
        this.board = board;
    }

    /**
     * Throws IllegalArgumentException for an event that can never be applied (it belongs on the
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
     * Applies live events, a batch in one transaction; returns false if every live generation had
     * them all already. Throws IllegalArgumentException, before anything is written, if any event
     * can never be applied.
     */
    @Transactional
    public boolean applyLive(List<HotlineEvent> events) {
        events.forEach(StatsWriter::check);
        boolean applied = false;
        for (int generation : generations.live()) {
            applied |= apply(generation, events);
        }
        return applied;
    }

    /** Applies replayed events, already checked, to one generation in one transaction. */
    @Transactional
    public void applyReplayed(int generation, List<HotlineEvent> events) {
        apply(generation, events);
    }

    /**
     * Case events one by one in their order; contacts, by far the most events, summed per bucket
     * and written in a few statements. Returns false if the generation had every event already.
     */
    private boolean apply(int generation, List<HotlineEvent> events) {
        List<ContactRecorded> contacts = new ArrayList<>();
        boolean applied = false;
        for (HotlineEvent event : events) {
            if (event instanceof ContactRecorded contact) {
                contacts.add(contact);
            } else {
                applied |= board.apply(generation, (CaseEvent) event);
            }
        }
        return tally.countAll(generation, contacts) | applied;
    }
}
