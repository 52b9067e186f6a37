package org.hotline.cases.rest;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.hotline.cases.CareRecord;
import org.hotline.cases.CaseContact;
import org.hotline.cases.CaseTransition;
import org.hotline.cases.service.CaseHistory;
import org.hotline.cases.service.CaseTexts;
import org.hotline.events.CareKind;
import org.hotline.events.CaseState;
import org.hotline.events.CustodyMode;
import org.hotline.events.Purpose;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a case's history. {@code type} says which fields it has: {@code TRANSITION}
 * (from, to, mode, reason, officer; no {@code from} for a case opened directly in custody),
 * {@code CARE} (kind, note, officer), {@code CONTACT} (contactId, purpose) or {@code INQUIRY} (an
 * open inquiry an officer linked: contactId, officer). An officer's words (reason, note) are absent
 * with {@code textErased} true when the caller was erased; states, times and officers stay.
 *
 * @param at          when it happened
 * @param caseVersion the case's version right after it
 * @param textErased  the entry had a reason or note, erased with the caller
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryEntry(
        String type,
        Instant at,
        long caseVersion,
        CaseState from,
        CaseState to,
        CustodyMode mode,
        String reason,
        CareKind kind,
        String note,
        UUID contactId,
        Purpose purpose,
        String officer,
        boolean textErased) {

    static List<HistoryEntry> of(CaseHistory.Recorded recorded) {
        return Stream.of(
                recorded.transitions().stream().map(t -> of(t, recorded.reasons().get(t.id))),
                recorded.care().stream().map(c -> of(c, recorded.notes().get(c.id))),
                recorded.contacts().stream().map(HistoryEntry::of))
                .flatMap(s -> s)
                .sorted(Comparator.comparing(HistoryEntry::at).thenComparingLong(HistoryEntry::caseVersion))
                .toList();
    }

    private static HistoryEntry of(CaseTransition t, CaseTexts.Text reason) {
        return new HistoryEntry("TRANSITION", t.occurredAt, t.caseVersion, t.fromState, t.toState, t.custodyMode,
                reason.value(), null, null, null, null, t.officer, reason.erased());
    }

    private static HistoryEntry of(CareRecord c, CaseTexts.Text note) {
        return new HistoryEntry("CARE", c.occurredAt, c.caseVersion, null, null, null, null, c.kind, note.value(),
                null, null, c.officer, note.erased());
    }

    private static HistoryEntry of(CaseContact c) {
        return new HistoryEntry(c.linkedBy == null ? "CONTACT" : "INQUIRY", c.occurredAt, c.caseVersion, null, null,
                null, null, null, null, c.contactId, c.purpose, c.linkedBy, false);
    }
}
