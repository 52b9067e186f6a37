package org.hotline.events;

import java.time.Instant;
import java.util.UUID;

/** A relative's open inquiry (a contact without a reference) was linked to a case by a case officer. */
public record CaseInquiryLinked(
        UUID eventId,
        UUID caseId,
        String reference,
        long caseVersion,
        Instant occurredAt,
        UUID contactId) implements CaseEvent {

    public static final String TYPE = "CaseInquiryLinked.v1";
}
