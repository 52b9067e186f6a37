package org.hotline.stats.service;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.hotline.events.ContactRecorded;
import org.hotline.events.Origin;
import org.hotline.stats.repository.ContactCounts;
import org.hotline.stats.repository.ProcessedEvents;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Counts each recorded contact once, in the hour it happened (not the hour it arrived). */
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

    /** Returns false if the event had been counted before. */
    @Transactional
    public boolean count(ContactRecorded contact) {
        if (contact.eventId() == null || contact.occurredAt() == null || contact.channel() == null
                || contact.purpose() == null) {
            throw new IllegalArgumentException("contact event lacks eventId, occurredAt, channel or purpose");
        }
        if (!processedEvents.recordFirstTime(contact.eventId(), clock.instant())) {
            return false;
        }
        Origin origin = contact.origin() == null ? Origin.UNKNOWN : contact.origin();
        contactCounts.add(contact.occurredAt().truncatedTo(ChronoUnit.HOURS), contact.channel(), origin,
                contact.purpose());
        return true;
    }
}
