package org.hotline.events;

import java.time.Instant;
import java.util.UUID;

/** A case moved from one state to another. {@code mode} is set on entering {@code IN_CUSTODY}. */
public record CaseTransitioned(
        UUID eventId,
        UUID caseId,
        String reference,
        long caseVersion,
        Instant occurredAt,
        CaseState from,
        CaseState to,
        CustodyMode mode,
        Origin origin) implements CaseEvent {

    public static final String TYPE = "CaseTransitioned.v1";
}
