package org.hotline.events;

import java.time.Instant;
import java.util.UUID;

/** Care was given to a man in custody; {@code occurredAt} is when it was given. */
public record CaseCareRecorded(
        UUID eventId,
        UUID caseId,
        String reference,
        long caseVersion,
        Instant occurredAt,
        CareKind kind) implements CaseEvent {

    public static final String TYPE = "CaseCareRecorded.v1";
}
