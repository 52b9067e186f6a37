package org.hotline.cases.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hotline.cases.CaseContact;
import org.hotline.cases.OpenInquiry;
import org.hotline.cases.SurrenderCase;
import org.hotline.cases.UnsettledContact;
import org.hotline.cases.config.CaseConfig;
import org.hotline.cases.repository.CaseContactRepository;
import org.hotline.cases.repository.CaseRepository;
import org.hotline.cases.repository.InquiryRepository;
import org.hotline.cases.repository.UnsettledContactRepository;
import org.hotline.events.CaseInquiryLinked;
import org.hotline.events.Purpose;
import org.hotline.audit.AuditLog;
import org.hotline.outbox.Outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Relatives' inquiries that named no case, and contacts whose reference no case has yet. */
@ApplicationScoped
public class Inquiries {

    /** The audit action of linking an inquiry to a case. */
    public static final String ACTION = "case.inquiry.link";

    private final InquiryRepository inquiries;
    private final UnsettledContactRepository unsettled;
    private final CaseContactRepository caseContacts;
    private final CaseRepository cases;
    private final LockedCases lockedCases;
    private final Outbox outbox;
    private final Clock clock;
    private final CaseConfig config;
    private final AuditLog auditLog;
    private final NeedToKnow needToKnow;

    public Inquiries(InquiryRepository inquiries, UnsettledContactRepository unsettled,
            CaseContactRepository caseContacts, CaseRepository cases, LockedCases lockedCases, Outbox outbox,
            Clock clock, CaseConfig config, AuditLog auditLog, NeedToKnow needToKnow) {
        this.inquiries = inquiries;
        this.unsettled = unsettled;
        this.caseContacts = caseContacts;
        this.cases = cases;
        this.lockedCases = lockedCases;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.auditLog = auditLog;
        this.needToKnow = needToKnow;
    }

    public OpenInquiries open() {
        return new OpenInquiries(inquiries.open(config.maxListSize()), inquiries.countOpen());
    }

    public UnsettledContacts unsettled() {
        return new UnsettledContacts(unsettled.oldestFirst(config.maxListSize()), unsettled.count());
    }

    /**
     * The officer decided whom the relative asked about: the inquiry becomes a contact of that case.
     * Its personal data is then readable by whoever may read the case, so only they link to it: the
     * officer or team it is assigned to, or a supervisor ({@link NeedToKnow#admitWork}).
     *
     * @throws NotYourCase if the case is not his to work
     */
    @Transactional
    public SurrenderCase link(String reference, Optional<Long> seenVersion, UUID inquiryId, Reader officer) {
        OpenInquiry inquiry = inquiries.findForChange(inquiryId)
                .orElseThrow(() -> new InquiryNotFound(inquiryId));
        SurrenderCase linked = lockedCases.take(reference, seenVersion);
        NeedToKnow.Admission admission = needToKnow.admitWork(linked, officer, ACTION);
        if (inquiry.isLinked()) {
            throw new InquiryAlreadyLinked(inquiryId, inquiry.caseId.equals(linked.id));
        }
        Instant now = clock.instant();
        inquiry.caseId = linked.id;
        inquiry.linkedAt = now;
        linked.linkContact(inquiry.receivedAt, now);
        cases.flush();
        caseContacts.persist(CaseContact.of(linked, inquiry.contactId, Purpose.RELATIVE_INQUIRY, inquiry.receivedAt,
                officer.subject()));
        outbox.publish(new CaseInquiryLinked(UUID.randomUUID(), linked.id, linked.reference, linked.version, now,
                inquiry.contactId));
        auditLog.record(officer.subject(), ACTION, linked.reference, null,
                admission.describe() + ", inquiry " + inquiryId);
        return linked;
    }

    public record OpenInquiries(List<OpenInquiry> items, long total) {
    }

    public record UnsettledContacts(List<UnsettledContact> items, long total) {
    }
}
