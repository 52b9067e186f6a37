package org.hotline.events;

import java.util.UUID;

/**
 * A change of a surrender case. Keyed by the case id, so one case's events stay in order;
 * {@code caseVersion} grows by one with every change, so a reader can tell stale from new.
 */
public sealed interface CaseEvent extends HotlineEvent permits CaseOpened, CaseTransitioned, CaseContactLinked,
        CaseCareRecorded, CaseInquiryLinked, CaseAssigned {

    UUID caseId();

    /** The case's primary reference, the one read to the caller first. */
    String reference();

    long caseVersion();

    @Override
    default String partitionKey() {
        return caseId().toString();
    }

    @Override
    default String topic() {
        return Topics.CASES;
    }
}
