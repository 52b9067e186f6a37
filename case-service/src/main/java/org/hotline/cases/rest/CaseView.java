package org.hotline.cases.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hotline.cases.CaseFile;
import org.hotline.cases.SurrenderCase;
import org.hotline.events.CaseState;
import org.hotline.events.CustodyMode;
import org.hotline.events.Origin;

/**
 * A case as the API shows it. No caller key: an operator needs the case, not who it is.
 *
 * @param id         the case id, as carried by the case events
 * @param reference  the primary reference
 * @param references every reference that leads to the case, the primary one first
 * @param assignee   who works the case (need to know), or null while nobody does
 * @param version    grows with every change, like the events' caseVersion
 */
public record CaseView(
        UUID id,
        String reference,
        List<String> references,
        CaseState state,
        Instant openedAt,
        Origin origin,
        int contactCount,
        Instant lastContactAt,
        CustodyMode custodyMode,
        Assignee assignee,
        long version) {

    /**
     * The officer (token subject) and/or team the case is assigned to, and since when.
     *
     * @param officer null when only a team works it
     * @param team    null when only an officer works it
     */
    public record Assignee(String officer, String team, Instant since) {
    }

    static CaseView of(CaseFile file) {
        SurrenderCase c = file.surrenderCase();
        Assignee assignee = c.assignedAt == null ? null : new Assignee(c.assignedOfficer, c.assignedTeam, c.assignedAt);
        return new CaseView(c.id, c.reference, file.references(), c.state, c.openedAt, c.origin, c.contactCount,
                c.lastContactAt, c.custodyMode, assignee, c.version);
    }
}
