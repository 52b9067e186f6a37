package org.hotline.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One contact was recorded by intake. Published on {@link Topics#CONTACTS}, keyed by
 * {@code callerKey} so one caller's contacts stay in order.
 *
 * @param caseReference for a surrender request, the reference issued to the caller; for a
 *                      follow-up or a relative's inquiry, the reference he named; otherwise null
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
        String caseReference) implements HotlineEvent {

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
