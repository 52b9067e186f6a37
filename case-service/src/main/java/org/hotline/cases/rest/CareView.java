package org.hotline.cases.rest;

import java.time.Instant;

import org.hotline.cases.CareRecord;
import org.hotline.events.CareKind;

/** A care record as recorded; {@code caseVersion} is the case's version after it. */
public record CareView(long id, CareKind kind, Instant at, String note, String officer, long caseVersion) {

    static CareView of(CareRecord record) {
        return new CareView(record.id, record.kind, record.occurredAt, record.note, record.officer,
                record.caseVersion);
    }
}
