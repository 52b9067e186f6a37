package org.hotline.intake.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.hotline.events.CallerRole;
import org.hotline.events.Channel;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;
import org.hotline.intake.Contact;

/**
 * A whole contact, personal data included: only ever sent against an access reason. When the
 * caller's personal data was erased, {@code personalDataErased} says so and the identifier and
 * details are empty.
 */
public record ContactView(
        UUID id,
        String callerKey,
        Caller caller,
        Channel channel,
        Purpose purpose,
        Origin origin,
        Instant receivedAt,
        Instant recordedAt,
        String caseReference,
        Details details,
        boolean personalDataErased) {

    public record Caller(String identifier, CallerRole role) {
    }

    public record Details(String fullName, LocalDate birthDate, String unit, String location, String notes) {
    }

    static ContactView of(Contact contact) {
        return new ContactView(contact.id, contact.callerKey,
                new Caller(contact.callerIdentifier, contact.callerRole),
                contact.channel, contact.purpose, contact.origin, contact.receivedAt, contact.recordedAt,
                contact.caseReference,
                new Details(contact.fullName, contact.birthDate, contact.unit, contact.location, contact.notes),
                contact.personalDataErased);
    }
}
