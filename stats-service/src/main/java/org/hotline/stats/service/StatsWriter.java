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

    /** Applies one live event; returns false if every live generation had it already. */
    @Transactional
    public boolean applyLive(HotlineEvent event) {
        check(event);
        boolean applied = false;
        for (int generation : generations.live()) {
            applied |= apply(generation, event);
        }
        return applied;
    }

    /** Applies replayed events, already checked, to one generation in one transaction. */
    @Transactional
    public void applyReplayed(int generation, List<HotlineEvent> events) {
        List<ContactRecorded> contacts = new ArrayList<>();
        for (HotlineEvent event : events) {
            if (event instanceof ContactRecorded contact) {
                contacts.add(contact);
            } else {
                board.apply(generation, (CaseEvent) event);
            }
        }
        // Contacts are by far the most events: they are summed per bucket and written in a few statements.
        tally.countAll(generation, contacts);
    }

    private boolean apply(int generation, HotlineEvent event) {
        return event instanceof ContactRecorded contact
                ? tally.count(generation, contact)
                : board.apply(generation, (CaseEvent) event);
    }
}
