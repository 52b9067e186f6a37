package org.hotline.stats.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotline.events.ContactRecorded;
import org.hotline.events.Origin;
import org.hotline.inbox.UnusableEvent;
import org.hotline.stats.repository.ContactCounts;

import jakarta.enterprise.context.ApplicationScoped;

/** Counts each recorded contact once per generation, in the hour it happened (not the hour it arrived). */
@ApplicationScoped
public class ContactTally {

    private final ContactCounts contactCounts;

    public ContactTally(ContactCounts contactCounts) {
        this.contactCounts = contactCounts;
    }

    /** Throws {@link UnusableEvent} for a contact that can never be counted, before anything is written. */
    static void check(ContactRecorded contact) {
        if (contact.eventId() == null || contact.occurredAt() == null || contact.channel() == null
                || contact.purpose() == null) {
            throw new UnusableEvent("contact event lacks eventId, occurredAt, channel or purpose");
        }
    }

    /**
     * Counts contacts the generation never counted, already checked, in a few statements; must run
     * in a transaction.
     */
    void countAll(int generation, List<ContactRecorded> firstTime) {
        if (firstTime.isEmpty()) {
            return;
        }
        Map<ContactCounts.HourKey, Long> perHour = new HashMap<>();
        Map<Instant, Long> perMinute = new HashMap<>();
        for (ContactRecorded contact : firstTime) {
            perHour.merge(new ContactCounts.HourKey(contact.occurredAt().truncatedTo(ChronoUnit.HOURS),
                    contact.channel(), originOf(contact), contact.purpose()), 1L, Long::sum);
            perMinute.merge(contact.occurredAt().truncatedTo(ChronoUnit.MINUTES), 1L, Long::sum);
        }
        contactCounts.addAll(generation, perHour, perMinute);
    }

    private static Origin originOf(ContactRecorded contact) {
        return contact.origin() == null ? Origin.UNKNOWN : contact.origin();
    }
}
