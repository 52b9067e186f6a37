package org.hotline.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A supervisor assigned a case: to an officer (his token subject), to a team, or to both. Only
 * they, and supervisors with a reason, may read the case's history, free text and personal data
 * (need to know). Each assignment replaces the one before; {@code caseVersion} tells which is newer.
 *
 * <p>{@code contactIds} are every contact linked to the case when it was assigned (its opening
 * request included, which no {@link CaseContactLinked} names), so a reader that learns who may read
 * which contact (intake) knows them all from this event on; contacts linked later come with their
 * own {@link CaseContactLinked} or {@link CaseInquiryLinked}. Ids only, nothing personal.
 *
 * @param officer the token subject of the officer who works the case, or null
 * @param team    the team that works the case (the officers' {@code team} claim), or null
 */
public record CaseAssigned(
        UUID eventId,
        UUID caseId,
        String reference,
        long caseVersion,
        Instant occurredAt,
        String officer,
        String team,
        List<UUID> contactIds) implements CaseEvent {

    public static final String TYPE = "CaseAssigned.v1";

    public CaseAssigned {
        contactIds = contactIds == null ? List.of() : List.copyOf(contactIds);
    }
}
