package org.hotline.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A caller's personal data was erased by intake, on request or because its retention passed.
 * Published on {@link Topics#ERASURES}, the erasure ledger, which is kept for ever: every service
 * that holds anything about the caller destroys it when this arrives, and again whenever its
 * database was restored from a backup taken before (it re-reads the ledger from the position its
 * own database last recorded, so an erasure the backup does not reflect is applied once more).
 *
 * <p>Carries the caller's pseudonym and nothing else about him: once intake has erased his entry
 * in its blind index, nothing links that pseudonym to a phone number any more.
 *
 * @param callerKey the caller's random pseudonym, as in every other event
 * @param cause     why he was erased
 */
public record CallerErased(UUID eventId, String callerKey, Cause cause, Instant occurredAt) implements HotlineEvent {

    public static final String TYPE = "CallerErased.v1";

    /** Why a caller was erased. */
    public enum Cause {
        /** An admin erased him on request. */
        REQUEST,
        /** The retention period after his last contact and his last final case passed. */
        RETENTION
    }

    @Override
    public String partitionKey() {
        return callerKey;
    }

    @Override
    public String topic() {
        return Topics.ERASURES;
    }
}
