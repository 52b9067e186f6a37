package org.hotline.intake.repository;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * What intake knows of the cases for retention: whether each is final and since when, and which
 * callers it concerns. Written from {@code hotline.cases.v1}, each event once. (Who works each
 * case, for need to know, is {@link CaseAssignees}.)
 */
@ApplicationScoped
public class KnownCases {

    private final EntityManager entities;

    public KnownCases(EntityManager entities) {
        this.entities = entities;
    }

    /** A contact linked to a case: the case concerns that contact's caller. */
    public record Link(UUID caseId, UUID contactId) {
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

    /**
     * Each case concerns the caller of the contact linked to it too (a relative, or the serviceman
     * calling again), in one statement.
     */
    public void concernCallersOf(List<Link> links) {
        if (links.isEmpty()) {
            return;
        }
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into case_caller (case_id, caller_key)
                    select link.case_id, contact.caller_key
                    from unnest(?, ?) as link (case_id, contact_id)
                    join contact on contact.id = link.contact_id
                    on conflict do nothing""")) {
                insert.setArray(1, connection.createArrayOf("uuid", links.stream().map(Link::caseId).toArray()));
                insert.setArray(2, connection.createArrayOf("uuid", links.stream().map(Link::contactId).toArray()));
                insert.executeUpdate();
            }
        });
    }

    /**
     * Forgets which cases concerned these (erased) callers: nothing is left of them to erase, and
     * the rows would only link their pseudonyms to cases for ever.
     */
    public void forgetCallers(Collection<String> callerKeys) {
        if (callerKeys.isEmpty()) {
            return;
        }
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from case_caller where caller_key = any(?)")) {
                delete.setArray(1, connection.createArrayOf("text", callerKeys.toArray()));
                delete.executeUpdate();
            }
        });
    }

    /**
     * Deletes what intake knows of cases final before {@code cutoff} that concern no caller any
     * more (all erased), who worked them and which contacts they had included; returns how many.
     * A late event about such a case records it again, as open only if it says so: retention then
     * waits for it as for any open case.
     */
    public int pruneSettled(Instant cutoff) {
        return ((Number) entities.createNativeQuery("""
                with pruned as (
                    delete from known_case k where k.final_at < :cutoff
                    and not exists (select 1 from case_caller cc where cc.case_id = k.case_id)
                    returning k.case_id),
                assignees as (delete from case_assignee a using pruned p where a.case_id = p.case_id),
                contacts as (delete from case_contact l using pruned p where l.case_id = p.case_id)
                select count(*) from pruned""")
                .setParameter("cutoff", utc(cutoff))
                .getSingleResult()).intValue();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
