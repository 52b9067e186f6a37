package org.hotline.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One contact was recorded by intake. Published on {@link Topics#CONTACTS}, keyed by
 * {@code callerKey} so one caller's contacts stay in order.
 *
 * @param caseReference for a surrender request, the reference issued to the caller; for a
 *                      follow-up or a relative's inquiry, the reference he named; otherwise null
 * @param referenceUnverified true when intake could not check the named reference with
 *                      case-service (down or slow) and accepted the contact anyway; case-service
 *                      settles it when this event arrives
 */
public record ContactRecorded(
        UUID eventId,
        UUID contactId,
        String callerKey,
        CallerRole callerRole,
        Channel channel,
        Purpose purpose,
        Origin origin,
        Instant occurredAt,
        String caseReference,
        boolean referenceUnverified) implements HotlineEvent {

    /** A contact whose reference, if any, was checked (or that names none). */
    public ContactRecorded(UUID eventId, UUID contactId, String callerKey, CallerRole callerRole, Channel channel,
            Purpose purpose, Origin origin, Instant occurredAt, String caseReference) {
        this(eventId, contactId, callerKey, callerRole, channel, purpose, origin, occurredAt, caseReference, false);
    }

    public static final String TYPE = "ContactRecorded.v1";

    @Override
    public String partitionKey() {
        return callerKey;
    }

    @Override
    public String topic() {
        return Topics.CONTACTS;
    }
}
