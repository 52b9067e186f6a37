package org.hotline.cases;

import java.time.Instant;
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
 * so transitions (a table of their own, later) can hang off the case id.
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

    @Column(name = "last_contact_at", nullable = false)
    public Instant lastContactAt;

    /**
     * Grows by one with every change and is published as the events' {@code caseVersion}; as the
     * optimistic lock it also makes concurrent changes of one case retry instead of overwrite.
     */
    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

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

    /** Counts one more contact about this case; an older contact arriving late keeps the latest time. */
    public void linkContact(Instant at, Instant now) {
        contactCount++;
        if (at.isAfter(lastContactAt)) {
            lastContactAt = at;
        }
        updatedAt = now;
    }
}
