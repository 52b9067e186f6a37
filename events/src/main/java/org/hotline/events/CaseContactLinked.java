package org.hotline.events;

import java.time.Instant;
import java.util.UUID;

/** A contact (a repeat request, a follow-up, a relative's inquiry) was linked to a case. */
public record CaseContactLinked(
        UUID eventId,
        UUID caseId,
        String reference,
        long caseVersion,
        Instant occurredAt,
        UUID contactId,
        Purpose purpose,
        long contactCount) implements CaseEvent {

    public static final String TYPE = "CaseContactLinked.v1";
}
