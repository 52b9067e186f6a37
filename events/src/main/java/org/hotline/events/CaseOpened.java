package org.hotline.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A case was opened: by a surrender request ({@code callerKey} set, state {@code REQUESTED}) or
 * directly by a case officer for a man captured without a call ({@code callerKey} null).
 */
public record CaseOpened(
        UUID eventId,
        UUID caseId,
        String reference,
        long caseVersion,
        Instant occurredAt,
        String callerKey,
        Origin origin,
        CaseState state,
        CustodyMode mode) implements CaseEvent {

    public static final String TYPE = "CaseOpened.v1";
}
