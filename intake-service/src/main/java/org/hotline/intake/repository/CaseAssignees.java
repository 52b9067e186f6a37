package org.hotline.intake.repository;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Who works each case and which contacts belong to it, as case-service's events say (need to
 * know): the one thing intake asks before it opens a contact's personal data for a case officer.
 */
@ApplicationScoped
public class CaseAssignees {

    /** Why an officer may read a contact: it is on a case assigned to him, or to his team. */
    public enum Match {
        OFFICER, TEAM
    }

    private final EntityManager entities;

    public CaseAssignees(EntityManager entities) {
        this.entities = entities;
    }

    /** Who works the case as of {@code caseVersion}; an older version than the one stored changes nothing. */
    public void assigned(UUID caseId, long caseVersion, String officer, String team) {
        entities.createNativeQuery("""
                insert into case_assignee (case_id, case_version, officer, team)
                values (:id, :version, :officer, :team)
                on conflict (case_id) do update
                set case_version = excluded.case_version, officer = excluded.officer, team = excluded.team
                where case_assignee.case_version < excluded.case_version""")
                .setParameter("id", caseId)
                .setParameter("version", caseVersion)
                .setParameter("officer", officer)
                .setParameter("team", team)
                .executeUpdate();
    }

    /** The contacts belong to the cases, in one statement; a link known already changes nothing. */
    public void linked(List<KnownCases.Link> links) {
        if (links.isEmpty()) {
            return;
        }
        entities.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into case_contact (case_id, contact_id)
                    select * from unnest(?, ?) on conflict do nothing""")) {
                insert.setArray(1, connection.createArrayOf("uuid", links.stream().map(KnownCases.Link::caseId).toArray()));
                insert.setArray(2, connection.createArrayOf("uuid",
                        links.stream().map(KnownCases.Link::contactId).toArray()));
                insert.executeUpdate();
            }
        });
    }

    /**
     * Whether the contact is on a case assigned to this officer (his token subject) or to his team,
     * and which; empty when neither, or when the contact is on no case.
     */
    public Optional<Match> match(UUID contactId, String officer, Optional<String> team) {
        Object found = entities.createNativeQuery("""
                select case when bool_or(a.officer = cast(:officer as text)) then 'OFFICER'
                            when bool_or(a.team = cast(:team as text)) then 'TEAM' end
                from case_contact l join case_assignee a on a.case_id = l.case_id
                where l.contact_id = :contact""")
                .setParameter("contact", contactId)
                .setParameter("officer", officer)
                .setParameter("team", team.orElse(null))
                .getSingleResult();
        return Optional.ofNullable((String) found).map(Match::valueOf);
    }
}
