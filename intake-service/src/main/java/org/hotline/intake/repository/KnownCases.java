package org.hotline.intake.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * What intake knows of the cases, for retention alone: whether each is final and since when, and
 * which callers it concerns. Written from {@code hotline.cases.v1}, each event once.
 */
@ApplicationScoped
public class KnownCases {

    private final EntityManager entities;

    public KnownCases(EntityManager entities) {
        this.entities = entities;
    }

    /** Records the event; false if it was recorded before, so its effect must not be applied again. */
    public boolean recordFirstTime(UUID eventId, Instant now) {
        return entities.createNativeQuery("insert into processed_event (event_id, processed_at) values (:id, :now)"
                + " on conflict (event_id) do nothing")
                .setParameter("id", eventId)
                .setParameter("now", utc(now))
                .executeUpdate() == 1;
    }

    /**
     * The case's state as of {@code caseVersion}: final since {@code finalAt}, or open (null). An
     * older version than the one stored changes nothing.
     */
    public void stateOf(UUID caseId, long caseVersion, Instant finalAt) {
        entities.createNativeQuery("""
                insert into known_case (case_id, case_version, final_at) values (:id, :version, :finalAt)
                on conflict (case_id) do update set case_version = excluded.case_version, final_at = excluded.final_at
                where known_case.case_version < excluded.case_version""")
                .setParameter("id", caseId)
                .setParameter("version", caseVersion)
                .setParameter("finalAt", finalAt == null ? null : utc(finalAt))
                .executeUpdate();
    }

    public void concerns(UUID caseId, String callerKey) {
        entities.createNativeQuery("insert into case_caller (case_id, caller_key) values (:id, :callerKey)"
                + " on conflict do nothing")
                .setParameter("id", caseId)
                .setParameter("callerKey", callerKey)
                .executeUpdate();
    }

    /** The case concerns the caller of this contact too (a relative, or the serviceman calling again). */
    public void concernsCallerOf(UUID caseId, UUID contactId) {
        entities.createNativeQuery("insert into case_caller (case_id, caller_key)"
                + " select :id, caller_key from contact where id = :contactId on conflict do nothing")
                .setParameter("id", caseId)
                .setParameter("contactId", contactId)
                .executeUpdate();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
