package org.hotline.stats.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hotline.events.ContactRecorded;
import org.hotline.events.Origin;
import org.hotline.stats.repository.ContactCounts;
import org.hotline.stats.repository.ProcessedEvents;

import jakarta.enterprise.context.ApplicationScoped;

/** Counts each recorded contact once per generation, in the hour it happened (not the hour it arrived). */
@ApplicationScoped
public class ContactTally {

    private final ProcessedEvents processedEvents;
    private final ContactCounts contactCounts;
    private final Clock clock;

    public ContactTally(ProcessedEvents processedEvents, ContactCounts contactCounts, Clock clock) {
        this.processedEvents = processedEvents;
        this.contactCounts = contactCounts;
        this.clock = clock;
    }

    /** Throws IllegalArgumentException for a contact that can never be counted, before anything is written. */
    static void check(ContactRecorded contact) {
        if (contact.eventId() == null || contact.occurredAt() == null || contact.channel() == null
                || contact.purpose() == null) {
            throw new IllegalArgumentException("contact event lacks eventId, occurredAt, channel or purpose");
        }
    }

    /**
     * Counts many contacts, already checked, in a few statements; must run in a transaction.
     * Returns false if the generation had counted every one of them before.
     */
    boolean countAll(int generation, List<ContactRecorded> contacts) {
        if (contacts.isEmpty()) {
            return false;
        }
        Set<UUID> firstTime = processedEvents.recordFirstTime(generation,
                contacts.stream().map(ContactRecorded::eventId).toList(), clock.instant());
        if (firstTime.isEmpty()) {
            return false;
        }
        Map<ContactCounts.HourKey, Long> perHour = new HashMap<>();
        Map<Instant, Long> perMinute = new HashMap<>();
        for (ContactRecorded contact : contacts) {
            // Removing the id counts a contact repeated within the batch once.
            if (firstTime.remove(contact.eventId())) {
                perHour.merge(new ContactCounts.HourKey(contact.occurredAt().truncatedTo(ChronoUnit.HOURS),
                        contact.channel(), originOf(contact), contact.purpose()), 1L, Long::sum);
                perMinute.merge(contact.occurredAt().truncatedTo(ChronoUnit.MINUTES), 1L, Long::sum);
            }
        }
        contactCounts.addAll(generation, perHour, perMinute);
        return true;
    }

    private static Origin originOf(ContactRecorded contact) {
        return contact.origin() == null ? Origin.UNKNOWN : contact.origin();
    }
}
