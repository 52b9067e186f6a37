package org.hotline.intake.rest;

import java.time.Instant;
import java.util.UUID;

import org.hotline.events.Purpose;
import org.hotline.intake.Contact;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a recorded contact. For a surrender request, {@code caseReference} is the new
 * reference the operator reads to the caller.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactCreated(UUID id, Purpose purpose, Instant receivedAt, String caseReference) {

    static ContactCreated of(Contact contact) {
        return new ContactCreated(contact.id, contact.purpose, contact.receivedAt, contact.caseReference);
    }
}
