package org.hotline.cases;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.hotline.events.CaseState;
import org.hotline.events.CustodyMode;
import org.hotline.events.Origin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A serviceman's surrender case, from his first request to exchange or release. Holds no personal
 * data: the caller appears only as his pseudonymous caller key. Its state changes one at a time,
 * as {@link CaseLifecycle} allows, each change recorded as a {@link CaseTransition}.
 */
@Entity
@Table(name = "surrender_case")
public class SurrenderCase {

    @Id
    public UUID id;

    /** The primary reference, the first one read to the caller. */
    @Column(nullable = false, unique = true)
    public String reference;

    /** Null for a man captured without a call. */
    @Column(name = "caller_key")
    public String callerKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Origin origin;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "custody_mode")
    public CustodyMode custodyMode;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "contact_count", nullable = false)
    public int contactCount;

    /** Null while no contact was linked (a man captured without a call). */
    @Column(name = "last_contact_at")
    public Instant lastContactAt;

    /** When he came into custody; the custody deadlines run from here. */
    @Column(name = "custody_at")
    public Instant custodyAt;

    /**
     * Grows by one with every change and is published as the events' {@code caseVersion}; as the
     * optimistic lock it also makes concurrent changes of one case retry instead of overwrite.
     */
    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The token subject of the officer who works the case (need to know), or null. */
    @Column(name = "assigned_officer")
    public String assignedOfficer;

    /** The team that works the case (its officers' {@code team} claim), or null. */
    @Column(name = "assigned_team")
    public String assignedTeam;

    /** When it was last assigned; null while it never was. */
    @Column(name = "assigned_at")
    public Instant assignedAt;

    /** A case opened by a surrender request: it starts at version 1 with its first contact. */
    public static SurrenderCase requested(String reference, String callerKey, Origin origin, Instant at, Instant now) {
        SurrenderCase opened = new SurrenderCase();
        opened.id = UUID.randomUUID();
        opened.reference = reference;
        opened.callerKey = callerKey;
        opened.origin = origin == null ? Origin.UNKNOWN : origin;
        opened.state = CaseState.REQUESTED;
        opened.openedAt = at;
        opened.contactCount = 1;
        opened.lastContactAt = at;
        opened.version = 1;
        opened.updatedAt = now;
        return opened;
    }

    /** A case an officer opened for a man who came into custody without a call. */
    public static SurrenderCase inCustody(String reference, CustodyMode mode, Origin origin, Instant at, Instant now) {
        SurrenderCase opened = new SurrenderCase();
        opened.id = UUID.randomUUID();
        opened.reference = reference;
        opened.origin = origin == null ? Origin.UNKNOWN : origin;
        opened.state = CaseState.IN_CUSTODY;
        opened.custodyMode = mode;
        opened.custodyAt = at;
        opened.openedAt = at;
        opened.contactCount = 0;
        opened.version = 1;
        opened.updatedAt = now;
        return opened;
    }

    /** Only after {@link CaseLifecycle#allows} said yes; the mode counts only on entering custody. */
    public void moveTo(CaseState to, CustodyMode mode, Instant at, Instant now) {
        state = to;
        if (to == CaseState.IN_CUSTODY) {
            custodyMode = mode;
            custodyAt = at;
        }
        updatedAt = now;
    }

    /**
     * A change kept beside the case (a care record) still changes the case, so its version must
     * rise: at least one column has to change, even if the clock has not moved on.
     */
    public void touch(Instant now) {
        updatedAt = now.isAfter(updatedAt) ? now : updatedAt.plus(1, ChronoUnit.MICROS);
    }

    /**
     * Hands the case to an officer, a team or both (one of them at least). Returns false, and
     * changes nothing (not even the version), when that is already who works it: assigning is
     * idempotent.
     */
    public boolean assignTo(String officer, String team, Instant now) {
        if (Objects.equals(officer, assignedOfficer) && Objects.equals(team, assignedTeam)) {
            return false;
        }
        assignedOfficer = officer;
        assignedTeam = team;
        assignedAt = now;
        updatedAt = now;
        return true;
    }

    /** Whether this officer, or his team, works the case. */
    public boolean isAssignedTo(String officer, Optional<String> team) {
        return (assignedOfficer != null && assignedOfficer.equals(officer))
                || (assignedTeam != null && team.isPresent() && assignedTeam.equals(team.get()));
    }

    /** Counts one more contact about this case; an older contact arriving late keeps the latest time. */
    public void linkContact(Instant at, Instant now) {
        contactCount++;
        if (lastContactAt == null || at.isAfter(lastContactAt)) {
            lastContactAt = at;
        }
        updatedAt = now;
    }
}
