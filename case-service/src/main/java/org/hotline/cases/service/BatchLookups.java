package org.hotline.cases.service;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.hotline.cases.SurrenderCase;
import org.hotline.cases.repository.CaseContactRepository;
import org.hotline.cases.repository.CaseRepository;

/**
 * What one batch of contacts asks of the cases, read up front in two queries instead of two per
 * contact: which of its contacts are linked already, and which cases its references lead to.
 * Hibernate translates each query anew and flushes the session before it, which made those two
 * questions the larger part of case-service's CPU. A contact or reference outside the batch, and
 * a reference that led nowhere when the batch began, is asked of the database as before, so a case
 * opened meanwhile by another instance is still found.
 */
final class BatchLookups {

    private final CaseRepository cases;
    private final CaseContactRepository caseContacts;
    private final Set<UUID> asked;
    private final Set<UUID> linked;
    private final Map<String, SurrenderCase> byReference;

    BatchLookups(CaseRepository cases, CaseContactRepository caseContacts, Collection<UUID> contactIds,
            Collection<String> references) {
        this.cases = cases;
        this.caseContacts = caseContacts;
        this.asked = new HashSet<>(contactIds);
        this.linked = caseContacts.linkedAmong(asked);
        this.byReference = cases.findByReferences(new HashSet<>(references));
    }

    /** Whether the contact is linked to a case, this batch's links included. */
    boolean isLinked(UUID contactId) {
        return asked.contains(contactId) ? linked.contains(contactId) : caseContacts.isLinked(contactId);
    }

    void linked(UUID contactId) {
        asked.add(contactId);
        linked.add(contactId);
    }

    /** The case the (normalized) reference leads to, this batch's new cases and references included. */
    Optional<SurrenderCase> caseOf(String reference) {
        SurrenderCase known = byReference.get(reference);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<SurrenderCase> found = cases.findByReference(reference);
        found.ifPresent(surrenderCase -> byReference.put(reference, surrenderCase));
        return found;
    }

    /** The reference leads to this case from now on (a case opened, or an alias issued, in this batch). */
    void leadsTo(String reference, SurrenderCase surrenderCase) {
        byReference.put(reference, surrenderCase);
    }
}
