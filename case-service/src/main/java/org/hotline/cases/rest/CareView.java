package org.hotline.cases.rest;

import java.time.Instant;

import org.hotline.cases.CareRecord;
import org.hotline.events.CareKind;

/**
 * A care record as recorded; {@code caseVersion} is the case's version after it. {@code note} is
 * absent with {@code textErased} true when the officer gave one but it was not kept: the caller
 * of the case was erased.
 */
public record CareView(long id, CareKind kind, Instant at, String note, String officer, long caseVersion,
        boolean textErased) {

    /** @param note the note as the officer gave it */
    static CareView of(CareRecord record, String note) {
        boolean kept = record.noteSealed != null;
        return new CareView(record.id, record.kind, record.occurredAt, kept ? note : null, record.officer,
                record.caseVersion, note != null && !kept);
    }
}
