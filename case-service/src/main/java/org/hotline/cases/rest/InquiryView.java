package org.hotline.cases.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hotline.cases.OpenInquiry;
import org.hotline.cases.UnsettledContact;
import org.hotline.events.Purpose;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A contact waiting for an officer: an open relative's inquiry ({@code OPEN_INQUIRY}), or a
 * contact naming a reference no case has ({@code UNSETTLED}, with that reference). The id is the
 * contact's id at intake. No caller key: officers need the inquiry, not who made it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InquiryView(String status, UUID id, Purpose purpose, Instant receivedAt, String caseReference,
        Boolean referenceUnverified) {

    static InquiryView of(OpenInquiry inquiry) {
        return new InquiryView("OPEN_INQUIRY", inquiry.contactId, Purpose.RELATIVE_INQUIRY, inquiry.receivedAt, null,
                null);
    }

    static InquiryView of(UnsettledContact contact) {
        return new InquiryView("UNSETTLED", contact.contactId, contact.purpose, contact.occurredAt,
                contact.caseReference, contact.unverified);
    }

    /** Oldest first; {@code total} counts them all, {@code items} holds at most the configured list size. */
    public record Page(List<InquiryView> items, long total) {
    }
}
